package org.pointsnet.gateway.events;

/**
 * Sees each readable chaincode event once its block has been handled (stored by the projection). For views of
 * recent events, such as the probe's; an observer must be quick and must not throw: it runs on the listener's thread.
 */
@FunctionalInterface
public interface EventObserver {

    /** Observes nothing: with it, the listener does not even parse the events for observers. */
    EventObserver NONE = event -> { };

    void observe(ChaincodeEventRecord event);
}
