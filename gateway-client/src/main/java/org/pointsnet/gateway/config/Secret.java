package org.pointsnet.gateway.config;

import java.util.Objects;

/** A configured secret (a key, a client secret): its value for the code that needs it, never in a log or message. */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return mask(value);
    }

    /** What a secret shows of itself: whether it is set, nothing more. */
    static String mask(final String value) {
        return value == null ? "null" : "****";
    }
}
