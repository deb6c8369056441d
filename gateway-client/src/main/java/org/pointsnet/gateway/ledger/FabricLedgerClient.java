package org.pointsnet.gateway.ledger;

import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LedgerClient} over the org's client connection and, when configured, its admin connection. A submit
 * that loses a read conflict (MVCC or phantom read at commit, or endorsers that disagree) is endorsed again with
 * the same request, up to {@link #MAX_RETRIES} times, then reported as unavailable: nothing was changed.
 */
public final class FabricLedgerClient implements LedgerClient {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerClient.class);

    /** Re-endorsements after the first attempt. */
    public static final int MAX_RETRIES = 5;

    private final ContractCalls client;
    private final ContractCalls admin;

    /** @param admin null when no admin identity is configured */
    FabricLedgerClient(final ContractCalls client, final ContractCalls admin) {
        this.client = client;
        this.admin = admin;
    }

    @Override
    public Committed submit(final String function, final String requestJson) {
        return submitWithRetries(client, function, requestJson);
    }

    @Override
    public Committed submitAsAdmin(final String function, final String requestJson) {
        if (admin == null) {
            throw new AdminIdentityMissingException();
        }
        return submitWithRetries(admin, function, requestJson);
    }

    @Override
    public boolean adminAvailable() {
        return admin != null;
    }

    @Override
    public String evaluate(final String function, final String requestJson) {
        return client.evaluate(function, requestJson);
    }

    /**
     * A repeated request id commits a transaction that changes nothing and returns the stored receipt; the answer
     * names the transaction and block that made the effect, so every repeat gets the same receipt as the first.
     */
    private static Committed asFirstCommit(final ContractCalls calls, final Committed committed) {
        final String receiptTx = receiptTxId(committed.resultJson());
        if (receiptTx == null || receiptTx.equals(committed.txId())) {
            return committed;
        }
        return new Committed(receiptTx, calls.blockNumberOf(receiptTx), committed.resultJson());
    }

    private static String receiptTxId(final String resultJson) {
        try {
            final JsonNode txId = JsonMapper.shared().readTree(resultJson).path("txId");
            return txId.isString() ? txId.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Committed submitWithRetries(final ContractCalls calls, final String function,
                                               final String requestJson) {
        ContractCalls.RetryableConflict last = null;
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            try {
                return asFirstCommit(calls, calls.submitOnce(function, requestJson));
            } catch (ContractCalls.RetryableConflict conflict) {
                last = conflict;
                LOG.info("{} attempt {} lost a conflict ({}, tx {}); endorsing again", function, attempt + 1,
                    conflict.getMessage(), conflict.transactionId());
            }
        }
        throw new LedgerUnavailableException(function + " still conflicted after " + (MAX_RETRIES + 1)
            + " attempts: " + last.getMessage(), last.transactionId(), false, last);
    }
}
