package org.pointsnet.chaincode.probe;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Payload of the ValueWritten event, and PutValue's result.
 *
 * @param key the key written
 * @param value the value written
 * @param txId the writing transaction's id
 * @param timestamp the transaction's proposal timestamp (ISO-8601, UTC), the same on every endorser
 */
@JsonPropertyOrder({"key", "value", "txId", "timestamp"})
public record ValueWritten(String key, String value, String txId, String timestamp) {}
