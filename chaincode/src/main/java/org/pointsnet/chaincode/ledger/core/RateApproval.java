package org.pointsnet.chaincode.ledger.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One side's own approvals of the pair rate from → to, stored in that side's collection: the latest version it approved
 * and one earlier version it approved that was agreed (so a new proposal does not suspend the rate in force). Every
 * field states what THIS side approved; what the other side approved is read from the other side's record, never
 * copied from here, because each side can write anything into its own collection.
 *
 * @param fromPlatformId source platform of the pair
 * @param toPlatformId destination platform of the pair
 * @param approvedVersion latest version this side approved
 * @param approvedRate the rate of that version (B points per A point, plain decimal)
 * @param agreedVersion an earlier version this side approved that the other side had approved at the same rate, or null
 * @param agreedRate its rate, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fromPlatformId", "toPlatformId", "approvedVersion", "approvedRate", "agreedVersion", "agreedRate"})
public record RateApproval(String fromPlatformId, String toPlatformId, long approvedVersion, String approvedRate,
        Long agreedVersion, String agreedRate) {

    /** One approval: a version and its rate. */
    private record Approval(long version, String rate) {}

    /** What this side's record says this side approved. */
    private List<Approval> ownApprovals() {
        return agreedVersion == null ? List.of(new Approval(approvedVersion, approvedRate))
                : List.of(new Approval(approvedVersion, approvedRate), new Approval(agreedVersion, agreedRate));
    }

    /** The highest version that both records show their own side approved at the same rate. */
    private static Optional<Approval> highestCommon(final RateApproval one, final RateApproval other) {
        if (one == null || other == null) {
            return Optional.empty();
        }
        final List<Approval> theirs = other.ownApprovals();
        return one.ownApprovals().stream().filter(theirs::contains).max(Comparator.comparingLong(Approval::version));
    }

    /**
     * The agreed rate: the highest version that each side's own record shows approved at the same rate. One side's
     * record alone can never make a rate agreed, whatever it claims about the other side.
     */
    public static Optional<ExchangeRate> effective(final RateApproval fromSide, final RateApproval toSide) {
        return highestCommon(fromSide, toSide).map(a ->
                new ExchangeRate(new BigDecimal(a.rate()), BigDecimal.ONE, ExchangeRate.RULE, a.version()));
    }

    /**
     * This side's record after it approves {@code version} at {@code rate}. The earlier approval it keeps is its own
     * highest approval that the other side's record also shows (falling back to the one it kept before), so the rate
     * in force stays in force until both sides approve the new version.
     */
    public static RateApproval approve(final String from, final String to, final long version, final String rate,
            final RateApproval own, final RateApproval other) {
        if (own == null) {
            final boolean agreedNow = other != null && other.ownApprovals().contains(new Approval(version, rate));
            return new RateApproval(from, to, version, rate, agreedNow ? version : null, agreedNow ? rate : null);
        }
        final Optional<Approval> kept = highestCommon(own, other).or(() -> Optional.ofNullable(own.agreedVersion)
                .map(v -> new Approval(v, own.agreedRate)));
        return new RateApproval(from, to, version, rate, kept.map(Approval::version).orElse(null),
                kept.map(Approval::rate).orElse(null));
    }
}
