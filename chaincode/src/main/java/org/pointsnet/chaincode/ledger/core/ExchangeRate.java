package org.pointsnet.chaincode.ledger.core;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact rate "points of B per point of A" as numerator/denominator, so a unit-value rate such as 1.0/1.2 is never
 * rounded before it is applied.
 *
 * @param numerator exact, > 0
 * @param denominator exact, > 0
 * @param source RULE (an agreed pair rate) or UNIT_VALUE (derived from the platforms' unit values)
 * @param version the agreed rule's version; null for UNIT_VALUE
 */
public record ExchangeRate(BigDecimal numerator, BigDecimal denominator, String source, Long version) {
    /** Source of an agreed pair rate. */
    public static final String RULE = "RULE";
    /** Source of a rate derived from unit values and multipliers. */
    public static final String UNIT_VALUE = "UNIT_VALUE";
    /** Digits shown in {@link #display()}; display only, never used to compute. */
    public static final int DISPLAY_SCALE = 12;

    /**
     * The gross points of B for {@code amountIn} smallest units of A: floor(amountIn × rate × 10^decB / 10^decA).
     * One division, floored once at the end: the user never receives more than the exact value.
     */
    public long gross(final long amountIn, final int decimalsFrom, final int decimalsTo) {
        final BigDecimal top = BigDecimal.valueOf(amountIn).multiply(numerator).scaleByPowerOfTen(decimalsTo);
        final BigDecimal bottom = denominator.scaleByPowerOfTen(decimalsFrom);
        final BigDecimal out = top.divide(bottom, 0, RoundingMode.FLOOR);
        if (out.compareTo(BigDecimal.valueOf(Amounts.MAX_AMOUNT)) > 0) {
            throw refusal(VALIDATION_FAILED, "converted amount " + out.toPlainString() + " exceeds "
                    + Amounts.MAX_AMOUNT);
        }
        return out.longValueExact();
    }

    /** The rate as a decimal string, floored to 12 places: what quotes and receipts show. */
    public String display() {
        return Decimals.text(numerator.divide(denominator, DISPLAY_SCALE, RoundingMode.FLOOR));
    }
}
