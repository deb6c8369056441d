package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Written next to a reversed request's receipt: the reversal that undid it.
 *
 * @param requestId the reversal's request id
 * @param txId the reversal's transaction
 */
@JsonPropertyOrder({"requestId", "txId"})
public record ReversalMarker(String requestId, String txId) {}
