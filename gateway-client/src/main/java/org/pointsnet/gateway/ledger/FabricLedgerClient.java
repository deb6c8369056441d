package org.pointsnet.gateway.ledger;

import java.util.List;
import java.util.function.Supplier;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Receipt;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LedgerClient} over the org's client connection and, when configured, its admin connection. A submit
 * that loses a read conflict (MVCC or phantom read at commit, or endorsers that disagree) is endorsed again with
 * the same request, up to {@link #MAX_RETRIES} times, then reported as unavailable: nothing was changed.
 */
public final class FabricLedgerClient implements LedgerClient {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerClient.class);

    /** Re-endorsements after the first attempt. */
    public static final int MAX_RETRIES = 5;

    // Jackson 3's defaults: a record's members in component order, unknown members ignored (a result may grow).
    private static final JsonMapper JSON = JsonMapper.shared();

    private final ContractCalls client;
    private final ContractCalls admin;

    /** @param admin null when no admin identity is configured */
    FabricLedgerClient(final ContractCalls client, final ContractCalls admin) {
        this.client = client;
        this.admin = admin;
    }

    @Override
    public Committed submit(final LedgerFunction function, final LedgerRequest request) {
        return submitWithRetries(client, function, json(function, LedgerFunction.Kind.SUBMIT, request));
    }

    @Override
    public void registerUser(final String userId) {
        final LedgerFunction function = LedgerFunction.REGISTER_USER;
        final String requestJson = json(function, LedgerFunction.Kind.SUBMIT, new LedgerRequest.RegisterUser(userId));
        withRetries(function, () -> client.submitOnce(function, requestJson));
    }

    @Override
    public Committed submitAsAdmin(final LedgerFunction function, final LedgerRequest request) {
        final String requestJson = json(function, LedgerFunction.Kind.SUBMIT, request);
        if (admin == null) {
            throw new AdminIdentityMissingException();
        }
        return submitWithRetries(admin, function, requestJson);
    }

    @Override
    public String submitPrivately(final LedgerFunction function, final LedgerRequest request,
                                  final List<String> endorsingMspIds) {
        final String requestJson = json(function, LedgerFunction.Kind.SUBMIT, request);
        return withRetries(function, () -> client.submitPrivateOnce(function, requestJson, endorsingMspIds))
            .resultJson();
    }

    @Override
    public boolean adminAvailable() {
        return admin != null;
    }

    @Override
    public String evaluate(final LedgerFunction function, final LedgerRequest request) {
        return client.evaluate(function, json(function, LedgerFunction.Kind.EVALUATE, request));
    }

    /** The JSON argument the chaincode receives for {@code request}. */
    public static String toJson(final LedgerRequest request) {
        return JSON.writeValueAsString(request);
    }

    /** The request as the chaincode reads it, once it is sure to be the function's own shape. */
    private static String json(final LedgerFunction function, final LedgerFunction.Kind kind,
                               final LedgerRequest request) {
        if (function.kind() != kind) {
            throw new IllegalArgumentException(function + " is not a " + kind + " function");
        }
        if (!LedgerRequest.typeOf(function).isInstance(request)) {
            throw new IllegalArgumentException(function + " takes a " + LedgerRequest.typeOf(function).getSimpleName()
                + ", not " + (request == null ? "null" : request.getClass().getSimpleName()));
        }
        return toJson(request);
    }

    /**
     * A repeated request id commits a transaction that changes nothing and returns the stored receipt; the answer
     * names the transaction and block that made the effect, so every repeat gets the same receipt as the first.
     */
    private static Committed asFirstCommit(final ContractCalls calls, final LedgerFunction function,
                                           final ContractCalls.Submitted submitted) {
        final Receipt receipt = receipt(function, submitted);
        final String receiptTx = receipt.txId();
        if (receiptTx == null || receiptTx.equals(submitted.txId())) {
            return new Committed(submitted.txId(), submitted.blockNumber(), receipt);
        }
        return new Committed(receiptTx, calls.blockNumberOf(receiptTx), receipt);
    }

    private static Receipt receipt(final LedgerFunction function, final ContractCalls.Submitted submitted) {
        try {
            final Receipt receipt = JSON.readValue(submitted.resultJson(), Receipt.class);
            if (receipt != null) {
                return receipt;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new LedgerFailureException(function + " returned no receipt object", submitted.txId(), null);
    }

    private static Committed submitWithRetries(final ContractCalls calls, final LedgerFunction function,
                                               final String requestJson) {
        return withRetries(function, () -> asFirstCommit(calls, function, calls.submitOnce(function, requestJson)));
    }

    private static <T> T withRetries(final LedgerFunction function, final Supplier<T> attemptOnce) {
        ContractCalls.RetryableConflict last = null;
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            try {
                return attemptOnce.get();
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
