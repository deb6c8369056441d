package org.pointsnet.gateway.fabric;

/** Any other ledger failure: the chaincode failed without a code, a policy was not met, a reply was malformed. */
public final class LedgerFailureException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerFailureException(final String message, final String transactionId, final Throwable cause) {
        super(message, transactionId, cause);
    }
}
