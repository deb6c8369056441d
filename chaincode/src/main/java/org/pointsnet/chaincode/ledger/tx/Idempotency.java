package org.pointsnet.chaincode.ledger.tx;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.pointsnet.contract.ErrorCode.IDEMPOTENCY_KEY_REUSED;

import java.util.Optional;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;

/**
 * Exactly-once requests: the receipt is stored under the request id in the initiating platform's collection; a
 * repeated id with the same request returns those bytes and writes nothing (and sets no event), a repeated id with
 * another request is IDEMPOTENCY_KEY_REUSED.
 */
public final class Idempotency {
    /**
     * Where a request's receipt lives and what identifies the request.
     *
     * @param platformId initiating platform (collection of the receipt)
     * @param requestId the client's id
     * @param requestHash hash of function and canonical request
     */
    public record Key(String platformId, String requestId, String requestHash) {}

    private Idempotency() {}

    /** The key of {@code request} initiated by {@code platformId}; the request id field is "requestId". */
    public static Key key(final String platformId, final Request request) {
        return new Key(platformId, Ids.requestId("requestId", request.text("requestId")), request.hash());
    }

    /** The stored receipt of a repeated request, or empty for a new one. */
    public static Optional<String> replay(final LedgerState state, final Key key) {
        final Optional<byte[]> stored = state.raw(Keys.collection(key.platformId()), Keys.receipt(key.requestId()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        final String storedHash = org.pointsnet.chaincode.ledger.state.StoredJson.tree(stored.get())
                .path("requestHash").asString();
        if (!key.requestHash().equals(storedHash)) {
            throw refusal(IDEMPOTENCY_KEY_REUSED, "request id '" + Ids.display(key.requestId())
                    + "' was already used on platform '" + key.platformId() + "' for a different request");
        }
        return Optional.of(new String(stored.get(), UTF_8));
    }
}
