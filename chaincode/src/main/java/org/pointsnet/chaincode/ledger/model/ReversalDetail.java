package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The detail of a REVERSE receipt: which transaction it undid, and for a conversion the opposite obligation.
 *
 * @param originalRequestId the reversed request
 * @param originalTxId the transaction that executed it
 * @param originalType ISSUE, BURN or CONVERT
 * @param reason why, or absent
 * @param obligation the opposite settlement delta (conversions), or absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"originalRequestId", "originalTxId", "originalType", "reason", "obligation"})
public record ReversalDetail(String originalRequestId, String originalTxId, String originalType, String reason,
        Obligation obligation) {}
