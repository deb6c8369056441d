package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pointsnet.gateway.e2e.LedgerCalls.Evaluation;
import org.pointsnet.gateway.e2e.LedgerCalls.Outcome;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Calls of the rogue contract (chaincode test tree) on the servers {@link RogueChaincode} swapped in: raw reads and
 * writes of any key and arbitrary events, endorsed by exactly the orgs a test names. Only peers whose org runs the
 * rogue server can execute these functions; the genuine chaincode does not know them.
 */
final class RogueCalls {

    private RogueCalls() {
    }

    /**
     * A state key as the chaincode builds it: a composite key, public (collection null) or in a private data
     * collection.
     */
    record LedgerKey(String collection, String objectType, List<String> attributes) {

        static LedgerKey publicKey(final String objectType, final String... attributes) {
            return new LedgerKey(null, objectType, List.of(attributes));
        }

        /** A key in collection ledger-&lt;platformId&gt;, the platform's own data. */
        static LedgerKey ofPlatform(final String platformId, final String objectType, final String... attributes) {
            return new LedgerKey("ledger-" + platformId, objectType, List.of(attributes));
        }

        @Override
        public String toString() {
            return (collection == null ? "public" : collection) + ":" + objectType + attributes;
        }
    }

    /** The raw value under {@code key} as the rogue server of {@code mspId} reads it; empty when absent. */
    static Optional<byte[]> get(final FabricConnection connection, final LedgerKey key, final String mspId) {
        final Evaluation read = LedgerCalls.tryEvaluate(connection, "rogue:Get", request(key, null, null, null), mspId);
        if (read.failed()) {
            return fail("rogue:Get " + key + " on the peer of " + mspId + " failed: " + read);
        }
        return read.text().isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(read.text()));
    }

    /** Writes {@code value} under {@code key}, endorsed by {@code endorsingMspIds} only. */
    static Outcome put(final FabricConnection connection, final LedgerKey key, final byte[] value,
                       final String... endorsingMspIds) {
        return submit(connection, "rogue:Put", request(key, value, null, null), endorsingMspIds);
    }

    /** Deletes {@code key}, endorsed by {@code endorsingMspIds} only. */
    static Outcome delete(final FabricConnection connection, final LedgerKey key, final String... endorsingMspIds) {
        return submit(connection, "rogue:Delete", request(key, null, null, null), endorsingMspIds);
    }

    /**
     * Sets chaincode event {@code eventName} with {@code payload} and writes {@code key}, so that the collection's
     * policy, satisfied by {@code endorsingMspIds}, is the one the transaction is validated against.
     */
    static Outcome emit(final FabricConnection connection, final LedgerKey key, final String eventName,
                        final byte[] payload, final String... endorsingMspIds) {
        return submit(connection, "rogue:Emit", request(key, null, eventName, payload), endorsingMspIds);
    }

    private static Outcome submit(final FabricConnection connection, final String function, final String request,
                                  final String... endorsingMspIds) {
        return LedgerCalls.submitUntilNoConflict(connection, function, request, endorsingMspIds).outcome();
    }

    private static String request(final LedgerKey key, final byte[] value, final String eventName,
                                  final byte[] payload) {
        final Map<String, Object> request = new LinkedHashMap<>();
        if (key.collection() != null) {
            request.put("collection", key.collection());
        }
        request.put("objectType", key.objectType());
        request.put("attributes", key.attributes());
        if (value != null) {
            request.put("valueBase64", Base64.getEncoder().encodeToString(value));
        }
        if (eventName != null) {
            request.put("eventName", eventName);
            request.put("eventPayloadBase64", Base64.getEncoder().encodeToString(payload));
        }
        return LedgerCalls.JSON.writeValueAsString(request);
    }
}
