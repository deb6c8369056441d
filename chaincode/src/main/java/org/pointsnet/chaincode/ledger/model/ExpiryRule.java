package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How long a platform's credited points live; 0: credits from now on never expire.
 *
 * @param version increases with every change
 * @param periodSeconds 0 to {@code Limits.MAX_EXPIRY_PERIOD_SECONDS}
 */
@JsonPropertyOrder({"version", "periodSeconds"})
public record ExpiryRule(long version, long periodSeconds) {}
