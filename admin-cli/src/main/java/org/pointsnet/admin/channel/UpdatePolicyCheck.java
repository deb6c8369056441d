package org.pointsnet.admin.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Works out, before anything is sent, whether a config update's signatures meet the channel's policies, the way
 * the orderer does (Fabric configtx: every element whose version the update raises must satisfy its current
 * mod_policy; new elements are covered by their parent group's). ImplicitMeta policies are evaluated over the
 * sub-groups; signature policies by the signers' MSP ids. Roles are left to the orderer: the signers here are
 * org admins (config sign uses an org's admin identity), which is what every Admins policy of the channel names.
 */
public final class UpdatePolicyCheck {

    /**
     * One policy the update must satisfy.
     *
     * @param element   what the update changes, e.g. {@code Channel/Application}, {@code Channel/Orderer/BatchTimeout}
     * @param policy    the policy's path, e.g. {@code /Channel/Application/Admins}
     * @param rule      how it reads, e.g. {@code ALL of Admins}
     * @param signed    the orgs (config group names) whose signature counts towards it
     * @param missing   the orgs whose signature it still lacks (all of them for ALL, enough names for MAJORITY)
     * @param satisfied whether the signatures present meet it
     */
    public record Requirement(String element, String policy, String rule, List<String> signed, List<String> missing,
                              boolean satisfied) {
    }

    private final JsonNode channelGroup;

    /** {@code config}: the channel's current config (configtxlator JSON of common.Config). */
    public UpdatePolicyCheck(JsonNode config) {
        this.channelGroup = config.path("channel_group");
    }

    /** Every policy the update must satisfy, one per distinct policy, evaluated for these signers' MSP ids. */
    public List<Requirement> check(JsonNode configUpdate, Set<String> signers) {
        Map<String, String> policies = new LinkedHashMap<>();
        walk(configUpdate.path("write_set"), configUpdate.path("read_set"), channelGroup, "Channel", policies);
        List<Requirement> requirements = new ArrayList<>();
        policies.forEach((policy, element) -> requirements.add(evaluate(element, policy, signers)));
        return requirements;
    }

    /** Records, per policy path, the first element that needs it. */
    private void walk(JsonNode write, JsonNode read, JsonNode current, String path, Map<String, String> policies) {
        if (current.isMissingNode()) {
            return; // a new group: its parent's version bump is what the orderer checks
        }
        if (changed(write, read)) {
            policies.putIfAbsent(resolve(current.path("mod_policy").asString(""), path), path);
        }
        for (String kind : List.of("values", "policies")) {
            for (String name : write.path(kind).propertyNames()) {
                JsonNode existing = current.path(kind).path(name);
                if (!existing.isMissingNode() && changed(write.path(kind).path(name), read.path(kind).path(name))) {
                    policies.putIfAbsent(resolve(existing.path("mod_policy").asString(""), path), path + "/" + name);
                }
            }
        }
        for (String name : write.path("groups").propertyNames()) {
            walk(write.path("groups").path(name), read.path("groups").path(name),
                current.path("groups").path(name), path + "/" + name, policies);
        }
    }

    private static boolean changed(JsonNode write, JsonNode read) {
        return read.isMissingNode() || !write.path("version").asString("0").equals(read.path("version").asString("0"));
    }

    /** A mod_policy is relative to the group that holds the element, or absolute from /Channel. */
    private static String resolve(String modPolicy, String groupPath) {
        return modPolicy.startsWith("/") ? modPolicy : "/" + groupPath + "/" + modPolicy;
    }

    private Requirement evaluate(String element, String policyPath, Set<String> signers) {
        String[] parts = policyPath.substring(1).split("/");
        JsonNode group = channelGroup;
        for (int i = 1; i < parts.length - 1; i++) {
            group = group.path("groups").path(parts[i]);
        }
        String name = parts[parts.length - 1];
        JsonNode policy = group.path("policies").path(name).path("policy");
        if (policy.path("type").asInt() == 3) {
            String rule = policy.path("value").path("rule").asString("ANY");
            String subPolicy = policy.path("value").path("sub_policy").asString("");
            List<String> signed = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String child : group.path("groups").propertyNames()) {
                JsonNode childPolicy = group.path("groups").path(child).path("policies").path(subPolicy).path("policy");
                (satisfiedBy(childPolicy, signers) ? signed : missing).add(child);
            }
            int total = signed.size() + missing.size();
            int needed = switch (rule) {
                case "ALL" -> total;
                case "MAJORITY" -> total / 2 + 1;
                default -> 1;
            };
            boolean satisfied = signed.size() >= needed;
            String reads = rule + " of " + subPolicy + " (" + needed + " of " + total + ")";
            return new Requirement(element, policyPath, reads,
                List.copyOf(signed), satisfied ? List.of() : List.copyOf(missing), satisfied);
        }
        boolean satisfied = satisfiedBy(policy, signers);
        List<String> principals = principals(policy);
        return new Requirement(element, policyPath, "signature of " + String.join(" or ", principals),
            satisfied ? principals.stream().filter(signers::contains).toList() : List.of(),
            satisfied ? List.of() : principals, satisfied);
    }

    private static boolean satisfiedBy(JsonNode policy, Set<String> signers) {
        if (policy.path("type").asInt() != 1) {
            return false; // nested ImplicitMeta below an org does not occur in a PointsNet channel
        }
        JsonNode identities = policy.path("value").path("identities");
        return rule(policy.path("value").path("rule"), identities, signers);
    }

    private static boolean rule(JsonNode rule, JsonNode identities, Set<String> signers) {
        if (rule.has("signed_by")) {
            String msp = identities.path(rule.path("signed_by").asInt()).path("principal").path("msp_identifier")
                .asString("");
            return signers.contains(msp);
        }
        JsonNode nOutOf = rule.path("n_out_of");
        int count = 0;
        for (JsonNode child : nOutOf.path("rules")) {
            count += rule(child, identities, signers) ? 1 : 0;
        }
        return count >= nOutOf.path("n").asInt(1);
    }

    private static List<String> principals(JsonNode policy) {
        List<String> msps = new ArrayList<>();
        for (JsonNode identity : policy.path("value").path("identities")) {
            msps.add(identity.path("principal").path("msp_identifier").asString("?"));
        }
        return msps;
    }

    /** What an update changes, e.g. {@code adds Channel/Application/PlatformD}, from its read and write sets alone. */
    public static List<String> changes(JsonNode configUpdate) {
        List<String> changes = new ArrayList<>();
        describe(configUpdate.path("write_set"), configUpdate.path("read_set"), "Channel", changes);
        return changes;
    }

    private static void describe(JsonNode write, JsonNode read, String path, List<String> changes) {
        for (String kind : List.of("values", "policies")) {
            for (String name : write.path(kind).propertyNames()) {
                JsonNode before = read.path(kind).path(name);
                if (before.isMissingNode() && write.path(kind).path(name).path("version").asString("0").equals("0")) {
                    changes.add("adds " + path + "/" + name);
                } else if (changed(write.path(kind).path(name), before)) {
                    changes.add("changes " + path + "/" + name + " to " + shown(write.path(kind).path(name)));
                }
            }
        }
        for (String name : write.path("groups").propertyNames()) {
            JsonNode child = write.path("groups").path(name);
            if (read.path("groups").path(name).isMissingNode()) {
                changes.add("adds " + path + "/" + name);
            } else {
                describe(child, read.path("groups").path(name), path + "/" + name, changes);
            }
        }
    }

    /** A value as a reader checks it: Raft consenters by address (their certificates are kilobytes of base64). */
    private static String shown(JsonNode element) {
        JsonNode value = element.path("value");
        JsonNode consenters = value.path("metadata").path("consenters");
        if (!consenters.isArray()) {
            return value.toString();
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode consenter : consenters) {
            addresses.add(consenter.path("host").asString("") + ":" + consenter.path("port").asInt());
        }
        return value.path("type").asString("") + " consenters " + String.join(", ", addresses);
    }
}
