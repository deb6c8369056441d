package org.pointsnet.chaincode.ledger.model;

import java.math.BigDecimal;

/**
 * A platform with the value-rule version in force at a transaction's time: what its points are worth.
 *
 * @param platform the platform's record (decimals, currency, category multiplier)
 * @param rule the value-rule version in force
 */
public record Valuation(Platform platform, ValueVersion rule) {

    /** Version 1 of a platform's value rule: the unit value and multiplier it was registered with. */
    public static ValueVersion registered(final Platform platform, final String effectiveFrom) {
        return new ValueVersion(1, effectiveFrom, platform.unitValue(), platform.multiplier());
    }

    /** The platform valued at its registration values (version 1): for records and tests without a value rule. */
    public static Valuation registered(final Platform platform) {
        return new Valuation(platform, registered(platform, java.time.Instant.EPOCH.toString()));
    }

    /** Value of one whole point: unitValue × multiplier × categoryMultiplier, exact. */
    public BigDecimal pointValue() {
        return new BigDecimal(rule.unitValue()).multiply(new BigDecimal(rule.multiplier()))
                .multiply(new BigDecimal(platform.categoryMultiplier()));
    }

    /** Exact value of {@code amount} smallest units in the platform's currency. */
    public BigDecimal valueOf(final long amount) {
        return BigDecimal.valueOf(amount).multiply(pointValue()).scaleByPowerOfTen(-platform.decimals());
    }
}
