package org.pointsnet.gateway.ledger;

/** One attempt at a chaincode call; {@link FabricLedgerClient} adds the retries. Package-private seam for tests. */
interface ContractCalls {

    /**
     * @throws RetryableConflict when the attempt lost a read conflict (at validation or at endorsement)
     */
    LedgerClient.Committed submitOnce(String function, String requestJson);

    String evaluate(String function, String requestJson);

    /** The number of the block that holds committed transaction {@code txId} (this org's peer, qscc). */
    long blockNumberOf(String txId);

    /** The attempt changed nothing because of a concurrent transaction; endorsing again may succeed. */
    final class RetryableConflict extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String transactionId;

        RetryableConflict(final String reason, final String transactionId, final Throwable cause) {
            super(reason, cause);
            this.transactionId = transactionId;
        }

        String transactionId() {
            return transactionId;
        }
    }
}
