package org.pointsnet.gateway.fabric;

/**
 * A ledger call failed. Messages are for server logs; the web layer decides what clients see, so a
 * subclass's message may carry peer addresses or gRPC details.
 */
public abstract class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String transactionId;

    protected LedgerException(final String message, final String transactionId, final Throwable cause) {
        super(message, cause);
        this.transactionId = transactionId;
    }

    /** The transaction id, when the failure happened after one was assigned; otherwise null. */
    public String transactionId() {
        return transactionId;
    }
}
