package org.pointsnet.gateway.fabric;

/** The transaction was endorsed and ordered, but the peer committed it with a validation code other than VALID. */
public final class TransactionInvalidException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String validationCode;
    private final long blockNumber;

    public TransactionInvalidException(final String transactionId, final String validationCode,
                                       final long blockNumber) {
        super("transaction " + transactionId + " committed as " + validationCode + " in block " + blockNumber,
            transactionId, null);
        this.validationCode = validationCode;
        this.blockNumber = blockNumber;
    }

    /** Name of the Fabric TxValidationCode, e.g. MVCC_READ_CONFLICT. */
    public String validationCode() {
        return validationCode;
    }

    public long blockNumber() {
        return blockNumber;
    }
}
