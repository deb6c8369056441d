package org.pointsnet.gateway.fabric;

import java.util.Optional;

/** Readiness of the Fabric side: peer connection usable and chaincode answering. */
public interface LedgerHealth {

    Readiness check();

    /** {@code host:port} of the org's peer the last call reached (with several peers: the one in use now). */
    default Optional<String> peerInUse() {
        return Optional.empty();
    }
}
