package org.pointsnet.gateway.events;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;

/** Opens a stream of chaincode events resuming after {@code checkpoint}; a seam so the listener can be tested. */
@FunctionalInterface
public interface ChaincodeEventSource {

    CloseableIterator<ChaincodeEvent> open(Checkpoint checkpoint);
}
