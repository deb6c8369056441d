package org.pointsnet.gateway.probe;

/** A value read from the ledger by GetValue. */
public record StoredValue(String key, String value) {
}
