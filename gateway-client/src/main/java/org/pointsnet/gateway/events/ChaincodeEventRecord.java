package org.pointsnet.gateway.events;

import tools.jackson.databind.JsonNode;

/** One chaincode event as the gateway received it; {@code payload} is the parsed JSON (a string if not JSON). */
public record ChaincodeEventRecord(long blockNumber, String txId, String eventName, JsonNode payload) {
}
