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
    NOT_FOUND,
    /** The caller's organization may not act on the named platform's data. */
    FORBIDDEN,
    /** The account holds fewer points than the transaction takes. */
    INSUFFICIENT_BALANCE,
    /** A per-transaction, per-user, per-pair or per-reward limit would be exceeded. */
    LIMIT_EXCEEDED,
    /** No agreed pair rate and no unit-value rate (different currencies) for a conversion. */
    RATE_NOT_FOUND,
    /** The conversion would pay out less than the caller's minAmountOut. */
    SLIPPAGE,
    /** The reward is out of stock, inactive or outside its window. */
    REWARD_UNAVAILABLE,
    /** The platform is suspended: readable, not tradable. */
    PLATFORM_SUSPENDED,
    /** The request id was already used for a different request. */
    IDEMPOTENCY_KEY_REUSED;

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
