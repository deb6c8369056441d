package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Receipt detail of a same-platform transfer.
 *
 * @param fromUserId debited account
 * @param toUserId credited account
 * @param amount points moved
 * @param reason the platform's note, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fromUserId", "toUserId", "amount", "reason"})
public record TransferDetail(String fromUserId, String toUserId, long amount, String reason) {}
