package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A platform's record, kept in its own collection: its points, their value model (seed §5.1) and its settings.
 *
 * @param platformId id, {@code [a-z0-9][a-z0-9-]{1,31}}
 * @param mspId the organization that registered it; only its clients act for the platform
 * @param name display name
 * @param symbol point symbol
 * @param decimals 0..6: amounts are stored in units of 10^-decimals points
 * @param unitValue value of one whole point in {@code currency} at registration (value-rule version 1; the version in
 *     force is in the platform's value rule, {@link ValueRules})
 * @param currency ISO 4217 code
 * @param multiplier platform multiplier (seed §5.1) at registration, as {@code unitValue}
 * @param categoryMultiplier category multiplier (seed §5.1), exact decimal
 * @param timeZone zone of the platform's local days (limits, settlement periods)
 * @param settlementPeriod DAY or MONTH
 * @param status ACTIVE or SUSPENDED
 * @param version increases by one on every change
 */
@JsonPropertyOrder({"platformId", "mspId", "name", "symbol", "decimals", "unitValue", "currency", "multiplier",
        "categoryMultiplier", "timeZone", "settlementPeriod", "status", "version"})
public record Platform(String platformId, String mspId, String name, String symbol, int decimals, String unitValue,
        String currency, String multiplier, String categoryMultiplier, String timeZone, String settlementPeriod,
        String status, long version) {
    /** Status of a tradable platform. */
    public static final String ACTIVE = "ACTIVE";
    /** Status of a platform that can be read but not traded. */
    public static final String SUSPENDED = "SUSPENDED";

    /** The same record with another status and the next version. */
    public Platform withStatus(final String newStatus) {
        return new Platform(platformId, mspId, name, symbol, decimals, unitValue, currency, multiplier,
                categoryMultiplier, timeZone, settlementPeriod, newStatus, version + 1);
    }
}
