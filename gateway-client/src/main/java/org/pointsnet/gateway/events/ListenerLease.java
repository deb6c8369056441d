package org.pointsnet.gateway.events;

/**
 * Which of an org's gateways runs the block listener: only the holder of the lease reads blocks, the others stand by
 * and take it when the holder dies. The projection itself does not rely on it for correctness (a block is stored
 * once, under a row lock on the checkpoint); the lease keeps N gateways from reading and handling every block N times.
 */
public interface ListenerLease extends AutoCloseable {

    /**
     * Takes the lease if it is free, or confirms that this gateway still holds it. False when another gateway holds
     * it or the database does not answer (then this gateway no longer counts as holder).
     */
    boolean tryAcquire();

    /** Whether this gateway held the lease at the last {@link #tryAcquire()}. */
    boolean held();

    /** Whether other gateways may compete for it (false: a single gateway, the lease is always its own). */
    boolean shared();

    /** Gives the lease up (a standby may take it at once). */
    @Override
    void close();

    /** The lease of a gateway that is alone on its database (embedded H2): always held. */
    static ListenerLease sole() {
        return SoleLease.INSTANCE;
    }
}
