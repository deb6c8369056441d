package org.pointsnet.gateway.fabric;

/** Whether the gateway can serve ledger requests now; {@code reason} is safe to show to clients. */
public record Readiness(boolean ready, String reason) {

    public static Readiness up() {
        return new Readiness(true, null);
    }

    public static Readiness down(final String reason) {
        return new Readiness(false, reason);
    }
}
