package org.pointsnet.gateway.ledger;

import java.util.List;
import org.pointsnet.contract.LedgerFunction;

/**
 * One attempt at a chaincode call with its request already in JSON; {@link FabricLedgerClient} adds the typing and
 * the retries. Package-private seam for tests.
 */
interface ContractCalls {

    /**
     * @throws RetryableConflict when the attempt lost a read conflict (at validation or at endorsement)
     */
    Submitted submitOnce(LedgerFunction function, String requestJson);

    String evaluate(LedgerFunction function, String requestJson);

    /**
     * Like {@link #submitOnce} but the request travels as transient data (never written into the block) and only the
     * peers of {@code endorsingMspIds} endorse: for private data that only those orgs hold.
     */
    default Submitted submitPrivateOnce(final LedgerFunction function, final String requestJson,
                                        final List<String> endorsingMspIds) {
        throw new UnsupportedOperationException("private submits are not supported here");
    }

    /** The number of the block that holds committed transaction {@code txId} (this org's peer, qscc). */
    long blockNumberOf(String txId);

    /**
     * A transaction this org's peer committed as VALID.
     *
     * @param resultJson the function's result as the chaincode returned it
     */
    record Submitted(String txId, long blockNumber, String resultJson) {
    }

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
