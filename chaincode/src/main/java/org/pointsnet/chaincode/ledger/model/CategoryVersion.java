package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One version of a platform's earning categories: multipliers (canonical plain decimals) by category, in force from
 * {@code effectiveFrom} until a higher version is in force.
 *
 * @param version increases with every change
 * @param effectiveFrom ISO-8601 instant from which this version applies
 * @param multipliers category → multiplier, sorted by category
 */
@JsonPropertyOrder({"version", "effectiveFrom", "multipliers"})
public record CategoryVersion(long version, String effectiveFrom, Map<String, String> multipliers)
        implements ScheduledVersion {}
