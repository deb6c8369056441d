package org.pointsnet.chaincode.support;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.pointsnet.contract.ErrorCode;
import org.pointsnet.contract.UserIdMask;

/**
 * Turns a contract {@link ErrorCode} into the exception the shim answers with (message "CODE: detail", payload CODE).
 * User ids in the detail are masked ({@link UserIdMask}): the message is logged by the shim and may be logged by
 * peers, and the caller knows which user it asked about.
 */
public final class Refusals {
    private Refusals() {}

    /**
     * The exception to throw from a transaction function.
     *
     * @param code the refusal's code
     * @param detail human-readable explanation, without the code
     * @return an exception carrying the code as message prefix and as payload
     */
    public static ChaincodeException refusal(final ErrorCode code, final String detail) {
        return new ChaincodeException(code.message(UserIdMask.mask(detail)), code.name());
    }
}
