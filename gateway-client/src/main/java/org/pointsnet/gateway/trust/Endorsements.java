package org.pointsnet.gateway.trust;

import java.util.List;
import java.util.stream.Collectors;

/** Every endorsement of one transaction, each checked against the trusted MSPs, in transaction order. */
public record Endorsements(List<EndorsementCheck> checks) {

    public Endorsements {
        checks = List.copyOf(checks);
    }

    /** Whether a peer of {@code mspId} genuinely endorsed the transaction. */
    public boolean endorsedBy(final String mspId) {
        return checks.stream().anyMatch(c -> c.valid() && mspId.equals(c.claimedMsp()));
    }

    /** The checks of the endorsements that name {@code mspId}; empty when none does. */
    public List<EndorsementCheck> claiming(final String mspId) {
        return checks.stream().filter(c -> mspId.equals(c.claimedMsp())).toList();
    }

    /** E.g. {@code PlatformBMSP: valid peer endorsement; PlatformAMSP: signature does not verify}. */
    public String summary() {
        if (checks.isEmpty()) {
            return "no endorsements";
        }
        return checks.stream()
            .map(c -> (c.claimedMsp() == null ? "?" : c.claimedMsp()) + ": " + c.outcome().description())
            .collect(Collectors.joining("; "));
    }
}
