package org.pointsnet.chaincode.probe;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * GetValue's result.
 *
 * @param key the key read
 * @param value its current value
 */
@JsonPropertyOrder({"key", "value"})
public record StoredValue(String key, String value) {}
