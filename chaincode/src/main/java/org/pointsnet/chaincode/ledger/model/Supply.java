package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A platform's supply: issued − burned − redeemed ± converted, the folded total plus the supply deltas not folded yet.
 *
 * @param platformId the platform
 * @param supply the folded supply total plus the sum of the supply deltas not folded yet
 */
@JsonPropertyOrder({"platformId", "supply"})
public record Supply(String platformId, long supply) {}
