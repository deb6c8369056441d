package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A platform's marker that a settlement period is final on its side.
 *
 * @param platformId the closing platform
 * @param period the period label
 */
@JsonPropertyOrder({"platformId", "period"})
public record ClosedPeriod(String platformId, String period) {}
