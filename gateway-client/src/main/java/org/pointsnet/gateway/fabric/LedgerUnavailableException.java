package org.pointsnet.gateway.fabric;

/** The peer (or the orderer behind it) could not be reached or did not answer in time; retrying may help. */
public final class LedgerUnavailableException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * @param outcomeUnknown true when the transaction may have reached the orderer, so it may still commit and a
     *                       blind retry could apply it twice; false when nothing was submitted
     */
    public LedgerUnavailableException(final String message, final String transactionId, final boolean outcomeUnknown,
                                      final Throwable cause) {
        super(message, transactionId, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
