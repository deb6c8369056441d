package org.pointsnet.chaincode.support;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Machine-readable failure codes a contract returns to clients.
 *
 * <p>The code is both the message prefix ("CODE: detail", for people and logs) and the whole error payload (for
 * gateways, which map it without parsing the message).
 */
public enum ErrorCode {
    /** The arguments break a rule; nothing was written. */
    VALIDATION_FAILED,
    /** The requested record does not exist. */
    NOT_FOUND;

    /**
     * Builds the exception the shim turns into an error response (status 500, message, payload).
     *
     * @param detail human-readable explanation, without the code
     * @return an exception to throw from a transaction function
     */
    public ChaincodeException exception(final String detail) {
        return new ChaincodeException(name() + ": " + detail, name());
    }
}
