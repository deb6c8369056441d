package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Pointer from a user's history to a receipt, which lives under its request id in the initiating platform's collection.
 *
 * @param platformId the initiating platform
 * @param requestId the receipt's request id
 */
@JsonPropertyOrder({"platformId", "requestId"})
public record HistoryEntry(String platformId, String requestId) {}
