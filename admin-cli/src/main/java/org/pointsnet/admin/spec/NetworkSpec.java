package org.pointsnet.admin.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole consortium as crypto-config/network.yaml describes it: channel, chaincode,
 * the orderer org, the platform orgs (members of the channel from its creation) and the
 * joining orgs (planned, but added to the running channel later with {@code org join};
 * {@code up} ignores them). The one source of every name, host and port. {@code hosts} (optional) says how the
 * test network simulates the orgs' hosts on one machine.
 */
public record NetworkSpec(String channel, ChaincodeSpec chaincode, OrdererOrgSpec ordererOrg,
                          List<PlatformOrgSpec> platformOrgs,
                          @JacksonInject(value = NO_JOINING_ORGS, useInput = OptBoolean.TRUE)
                          List<PlatformOrgSpec> joiningOrgs,
                          @JacksonInject(value = DEFAULT_HOSTS, useInput = OptBoolean.TRUE)
                          HostsSpec hosts) {

    /** Injected when the spec lists no joining orgs (the reader refuses missing fields otherwise). */
    static final String NO_JOINING_ORGS = "noJoiningOrgs";
    /** Injected when the spec has no hosts section: every node on loopback. */
    static final String DEFAULT_HOSTS = "defaultHosts";

    public NetworkSpec {
        // Unmodifiable, but null elements survive so validation can name them.
        platformOrgs = platformOrgs == null ? null : Collections.unmodifiableList(new ArrayList<>(platformOrgs));
        joiningOrgs = joiningOrgs == null ? null : Collections.unmodifiableList(new ArrayList<>(joiningOrgs));
    }

    /**
     * The joining org with this platformId.
     *
     * @throws SpecException if no joining org has it (naming the joining orgs, and saying so for a member)
     */
    public PlatformOrgSpec joiningOrg(String platformId) {
        return joiningOrgs.stream()
            .filter(org -> org.platformId().equals(platformId))
            .findFirst()
            .orElseThrow(() -> new SpecException("'" + platformId + "' is not a joining org of the spec"
                + (platformOrgs.stream().anyMatch(org -> org.platformId().equals(platformId))
                    ? " (it is a member of the channel already)" : "")
                + " (joiningOrgs: " + joiningOrgs.stream().map(PlatformOrgSpec::platformId)
                    .collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * The consortium after these joining orgs have joined: they are platform orgs (appended, in
     * the order given) and no longer joining. What {@code network render --joined} renders.
     *
     * @throws SpecException if one of them is not a joining org
     */
    public NetworkSpec withJoined(List<String> platformIds) {
        List<PlatformOrgSpec> members = new ArrayList<>(platformOrgs);
        List<PlatformOrgSpec> joining = new ArrayList<>(joiningOrgs);
        for (String platformId : platformIds) {
            PlatformOrgSpec org = joiningOrg(platformId);
            members.add(org);
            joining.remove(org);
        }
        return new NetworkSpec(channel, chaincode, ordererOrg, members, joining, hosts);
    }

    /**
     * Reads and validates a spec file.
     *
     * @throws SpecException naming the file and the offending field
     */
    public static NetworkSpec load(Path file) {
        return SpecReader.read(file);
    }

    /**
     * Parses and validates spec text; {@code source} names it in error messages.
     *
     * @throws SpecException naming the source and the offending field
     */
    public static NetworkSpec parse(String yaml, String source) {
        return SpecReader.parse(yaml, source);
    }

    /**
     * The platform org with this platformId.
     *
     * @throws SpecException if no platform org has it
     */
    public PlatformOrgSpec platform(String platformId) {
        return platformOrgs.stream()
            .filter(org -> org.platformId().equals(platformId))
            .findFirst()
            .orElseThrow(() -> new SpecException("unknown platformId '" + platformId + "' (known: "
                + platformOrgs.stream().map(PlatformOrgSpec::platformId).collect(Collectors.joining(", ")) + ")"));
    }
}
