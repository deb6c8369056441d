package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One version of a platform's own value rule (seed §5.1: value = unit value × multiplier × category multiplier), in
 * force from {@code effectiveFrom} until a higher version is in force.
 *
 * @param version increases with every change; version 1 is the platform's registration
 * @param effectiveFrom ISO-8601 instant from which this version applies
 * @param unitValue value of one whole point in the platform's currency, canonical plain decimal
 * @param multiplier the platform multiplier, canonical plain decimal
 */
@JsonPropertyOrder({"version", "effectiveFrom", "unitValue", "multiplier"})
public record ValueVersion(long version, String effectiveFrom, String unitValue, String multiplier)
        implements ScheduledVersion {}
