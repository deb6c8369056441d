package org.pointsnet.gateway.probe;

/** A PutValue transaction that was committed as VALID. */
public record CommittedWrite(String txId, long blockNumber, String validationCode, String key, String value) {
}
