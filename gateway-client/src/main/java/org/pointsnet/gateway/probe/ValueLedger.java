package org.pointsnet.gateway.probe;

import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.LedgerException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;

/**
 * The probe contract as the web layer sees it; failures are {@link LedgerException}s. An interface so web
 * tests can replace the Fabric implementation.
 */
public interface ValueLedger {

    /**
     * Submits PutValue and waits until the org's peer has committed it.
     *
     * @throws ChaincodeRejectedException   the chaincode refused (e.g. VALIDATION_FAILED)
     * @throws TransactionInvalidException  the transaction was ordered but committed as invalid
     * @throws LedgerUnavailableException   the peer or orderer could not be reached in time
     */
    CommittedWrite putValue(String key, String value);

    /**
     * Evaluates GetValue on the org's peer.
     *
     * @throws ChaincodeRejectedException with code NOT_FOUND when the key has no value
     */
    StoredValue getValue(String key);
}
