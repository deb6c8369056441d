package org.pointsnet.gateway.fabric;

/** A value read from the ledger by GetValue. */
public record StoredValue(String key, String value) {
}
