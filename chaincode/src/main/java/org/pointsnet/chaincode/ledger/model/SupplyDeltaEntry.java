package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An unfolded supply delta, as account:GetSupplyDeltas lists it for account:FoldSupply.
 *
 * @param day the UTC day of the transaction that wrote it (yyyy-MM-dd)
 * @param txId that transaction
 * @param delta the platform's supply change in it
 */
@JsonPropertyOrder({"day", "txId", "delta"})
public record SupplyDeltaEntry(String day, String txId, long delta) {}
