package org.pointsnet.chaincode.ledger.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One side's view of the pair rate from → to, stored in that side's collection: the latest version it approved and
 * the highest version it knows both sides approved with the same rate.
 *
 * @param fromPlatformId source platform of the pair
 * @param toPlatformId destination platform of the pair
 * @param approvedVersion latest version this side approved
 * @param approvedRate the rate of that version (B points per A point, plain decimal)
 * @param agreedVersion highest version known approved by both sides with the same rate, or null
 * @param agreedRate its rate, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fromPlatformId", "toPlatformId", "approvedVersion", "approvedRate", "agreedVersion", "agreedRate"})
public record RateApproval(String fromPlatformId, String toPlatformId, long approvedVersion, String approvedRate,
        Long agreedVersion, String agreedRate) {

    /**
     * The rate both sides approved with the highest version: each side's recorded agreement, or both sides' latest
     * approvals when they match (the first approver could not yet see the second's approval).
     */
    public static Optional<ExchangeRate> effective(final RateApproval fromSide, final RateApproval toSide) {
        Long version = null;
        String rate = null;
        if (fromSide != null && toSide != null && fromSide.approvedVersion == toSide.approvedVersion
                && fromSide.approvedRate.equals(toSide.approvedRate)) {
            version = fromSide.approvedVersion;
            rate = fromSide.approvedRate;
        }
        for (final RateApproval side : new RateApproval[] {fromSide, toSide}) {
            if (side != null && side.agreedVersion != null && (version == null || side.agreedVersion > version)) {
                version = side.agreedVersion;
                rate = side.agreedRate;
            }
        }
        return version == null ? Optional.empty()
                : Optional.of(new ExchangeRate(new BigDecimal(rate), BigDecimal.ONE, ExchangeRate.RULE, version));
    }

    /**
     * This side's record after it approves {@code version} at {@code rate}, given the other side's record: agreement is
     * recorded when the other side approved the same version and rate, and known agreements are carried forward.
     */
    public static RateApproval approve(final String from, final String to, final long version, final String rate,
            final RateApproval own, final RateApproval other) {
        Long agreedVersion = own == null ? null : own.agreedVersion;
        String agreedRate = own == null ? null : own.agreedRate;
        if (other != null) {
            if (other.agreedVersion != null && (agreedVersion == null || other.agreedVersion > agreedVersion)) {
                agreedVersion = other.agreedVersion;
                agreedRate = other.agreedRate;
            }
            if (other.approvedVersion == version && other.approvedRate.equals(rate)
                    && (agreedVersion == null || version > agreedVersion)) {
                agreedVersion = version;
                agreedRate = rate;
            }
        }
        return new RateApproval(from, to, version, rate, agreedVersion, agreedRate);
    }
}
