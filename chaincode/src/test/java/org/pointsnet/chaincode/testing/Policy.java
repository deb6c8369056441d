package org.pointsnet.chaincode.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * An endorsement policy evaluated over the MSP ids of a transaction's endorsing peers, one endorsement per MSP.
 *
 * <p>Signature policies are evaluated as common/cauthdsl does: each endorsement satisfies at most one SignedBy, and
 * an NOutOf commits the endorsements a sub-rule used only when that sub-rule holds. An endorsing peer satisfies the
 * MEMBER and PEER roles of its MSP.
 */
final class Policy {
    private interface Rule {
        boolean holds(List<String> endorsers, boolean[] used);
    }

    private final String description;
    private final Rule rule;

    private Policy(final String description, final Rule rule) {
        this.description = description;
        this.rule = rule;
    }

    /** OR('A.peer', 'B.peer', ...): a collection-level policy as docs/ledger.md configures it. */
    static Policy anyOf(final Set<String> mspIds) {
        final Set<String> ids = Set.copyOf(mspIds);
        return new Policy("OR" + sorted(ids), (endorsers, used) -> endorsers.stream().anyMatch(ids::contains));
    }

    /** AND('A.peer', 'B.peer', ...): every named MSP endorsed (the pair link collections' policy). */
    static Policy allOf(final Set<String> mspIds) {
        final Set<String> ids = Set.copyOf(mspIds);
        return new Policy("AND" + sorted(ids), (endorsers, used) -> endorsers.containsAll(ids));
    }

    /** Implicit MAJORITY of the members' Endorsement policies: more than half of them endorsed (implicitmeta.go). */
    static Policy majorityOf(final Set<String> members) {
        final Set<String> ids = Set.copyOf(members);
        final int threshold = ids.size() / 2 + 1;
        return new Policy("MAJORITY" + sorted(ids), (endorsers, used) ->
                endorsers.stream().filter(ids::contains).count() >= threshold);
    }

    /** A key-level validation parameter: a SignaturePolicyEnvelope, as StateBasedEndorsement.policy() makes. */
    static Policy fromValidationParameter(final byte[] validationParameter) {
        final SignaturePolicyEnvelope envelope;
        try {
            envelope = SignaturePolicyEnvelope.parseFrom(validationParameter);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("validation parameter is not a SignaturePolicyEnvelope", e);
        }
        final List<String> principals = new ArrayList<>();
        for (final MSPPrincipal principal : envelope.getIdentitiesList()) {
            principals.add(roleMspId(principal));
        }
        final StringBuilder description = new StringBuilder();
        final Rule rule = compile(envelope.getRule(), principals, description);
        return new Policy(description.toString(), rule);
    }

    boolean isSatisfiedBy(final Set<String> endorsingMspIds) {
        final List<String> endorsers = List.copyOf(new TreeSet<>(endorsingMspIds)); // fixed order: deterministic
        return rule.holds(endorsers, new boolean[endorsers.size()]);
    }

    @Override
    public String toString() {
        return description;
    }

    private static Rule compile(final SignaturePolicy policy, final List<String> principals, final StringBuilder out) {
        switch (policy.getTypeCase()) {
            case SIGNED_BY: {
                final int index = policy.getSignedBy();
                if (index < 0 || index >= principals.size()) {
                    throw new IllegalArgumentException("SignedBy(" + index + ") but the envelope has "
                            + principals.size() + " identities");
                }
                final String mspId = principals.get(index);
                out.append(mspId);
                return (endorsers, used) -> {
                    for (int i = 0; i < endorsers.size(); i++) {
                        if (!used[i] && endorsers.get(i).equals(mspId)) {
                            used[i] = true;
                            return true;
                        }
                    }
                    return false;
                };
            }
            case N_OUT_OF: {
                final int n = policy.getNOutOf().getN();
                final List<Rule> rules = new ArrayList<>();
                out.append("OutOf(").append(n);
                for (final SignaturePolicy sub : policy.getNOutOf().getRulesList()) {
                    out.append(", ");
                    rules.add(compile(sub, principals, out));
                }
                out.append(')');
                return (endorsers, used) -> {
                    int verified = 0;
                    final boolean[] trial = new boolean[used.length];
                    for (final Rule sub : rules) {
                        System.arraycopy(used, 0, trial, 0, used.length);
                        if (sub.holds(endorsers, trial)) {
                            verified++;
                            System.arraycopy(trial, 0, used, 0, used.length);
                        }
                    }
                    return verified >= n;
                };
            }
            default:
                throw new IllegalArgumentException("empty signature policy element");
        }
    }

    private static String roleMspId(final MSPPrincipal principal) {
        if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
            throw new UnsupportedOperationException("InMemoryLedger models MSP role principals only, not "
                    + principal.getPrincipalClassification());
        }
        final MSPRole role;
        try {
            role = MSPRole.parseFrom(principal.getPrincipal());
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("principal is not an MSPRole", e);
        }
        if (role.getRole() != MSPRole.MSPRoleType.MEMBER && role.getRole() != MSPRole.MSPRoleType.PEER) {
            throw new UnsupportedOperationException("InMemoryLedger models endorsing peers, which satisfy MEMBER and "
                    + "PEER roles only; policy asks for " + role.getMspIdentifier() + "." + role.getRole());
        }
        return role.getMspIdentifier();
    }

    private static String sorted(final Set<String> ids) {
        return ids.stream().sorted().collect(Collectors.joining(", ", "(", ")"));
    }
}
