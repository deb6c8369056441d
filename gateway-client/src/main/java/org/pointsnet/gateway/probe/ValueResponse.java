package org.pointsnet.gateway.probe;

/** Answer to GET /api/v1/probe/values/{key}. */
public record ValueResponse(String key, String value) {

    static ValueResponse from(final StoredValue stored) {
        return new ValueResponse(stored.key(), stored.value());
    }
}
