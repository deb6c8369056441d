package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An unswept fee credit.
 *
 * @param txId the conversion that paid it
 * @param amount points
 */
@JsonPropertyOrder({"txId", "amount"})
public record FeeCredit(String txId, long amount) {}
