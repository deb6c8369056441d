package org.pointsnet.chaincode.ledger.core;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A destination platform's conversion fee: basis points of the gross, clamped to [minFee, maxFee], in the
 * destination's smallest units, credited to its fee account.
 *
 * @param version increases by one on every change
 * @param basisPoints 0..10000
 * @param minFee smallest fee charged
 * @param maxFee largest fee charged, ≥ minFee
 */
@JsonPropertyOrder({"version", "basisPoints", "minFee", "maxFee"})
public record FeeRule(long version, int basisPoints, long minFee, long maxFee) {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    /** Validates a rule as a platform admin submits it. */
    public FeeRule {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw refusal(VALIDATION_FAILED, "basisPoints must be 0..10000, got " + basisPoints);
        }
        Amounts.requireNonNegative("minFee", minFee);
        Amounts.requireNonNegative("maxFee", maxFee);
        if (minFee > maxFee) {
            throw refusal(VALIDATION_FAILED, "minFee " + minFee + " is greater than maxFee " + maxFee);
        }
    }

    /** The fee on {@code gross}: ceil(gross × bps / 10000) clamped to [min, max], never more than the gross. */
    public long fee(final long gross) {
        // CEILING: the payer, not the ledger, absorbs the fraction, so rounding never mints a point for anyone.
        final long proportional = BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BPS, 0, RoundingMode.CEILING).longValueExact();
        return Math.min(gross, Math.max(minFee, Math.min(maxFee, proportional)));
    }
}
