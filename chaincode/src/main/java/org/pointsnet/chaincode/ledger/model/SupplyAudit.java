package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A platform's supply next to the sum of its account balances and unswept fee credits; the two are equal on a
 * consistent ledger.
 *
 * @param platformId the platform
 * @param supply the folded supply total plus the sum of the supply deltas not folded yet
 * @param balances sum of balances and unswept fee credits
 */
@JsonPropertyOrder({"platformId", "supply", "balances"})
public record SupplyAudit(String platformId, long supply, long balances) {}
