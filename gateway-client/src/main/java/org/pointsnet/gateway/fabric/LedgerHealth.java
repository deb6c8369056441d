package org.pointsnet.gateway.fabric;

/** Readiness of the Fabric side: peer connection usable and chaincode answering. */
public interface LedgerHealth {

    Readiness check();
}
