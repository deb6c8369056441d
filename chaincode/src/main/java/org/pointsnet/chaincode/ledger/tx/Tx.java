package org.pointsnet.chaincode.ledger.tx;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.PLATFORM_SUSPENDED;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.pointsnet.chaincode.ledger.auth.Caller;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.DirectoryEntry;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.pointsnet.contract.RulesUsed;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;

/**
 * One running transaction: its caller, its buffered state, its id and timestamp (the only clock a contract may use).
 *
 * @param ctx the contract context
 * @param state buffered reads and writes
 * @param caller the invoking client
 * @param txId the transaction id
 * @param at the transaction timestamp
 */
public record Tx(Context ctx, LedgerState state, Caller caller, String txId, Instant at) {
    /** Starts a transaction from the contract context. */
    public static Tx of(final Context ctx) {
        return new Tx(ctx, new LedgerState(ctx.getStub()), Caller.of(ctx), ctx.getStub().getTxId(),
                ctx.getStub().getTxTimestamp());
    }

    /** The transaction timestamp as ISO-8601 UTC. */
    public String timestamp() {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /**
     * The platform record of {@code platformId} (validated), or NOT_FOUND. The directory entry only says the platform
     * exists (an id without one has no collection to read, and the peer would fail on it); the record, owner included,
     * comes from the platform's own collection, because a majority can create directory entries.
     */
    public Platform platform(final String field, final String platformId) {
        Ids.platformId(field, platformId);
        if (state.readPublic(Keys.directory(platformId), DirectoryEntry.class).isEmpty()) {
            throw refusal(NOT_FOUND, "platform '" + platformId + "' is not registered");
        }
        return state.read(Keys.collection(platformId), Keys.platform(), Platform.class)
                .orElseThrow(() -> refusal(NOT_FOUND, "platform '" + platformId + "' is not registered"));
    }

    /** Refuses trading on a suspended platform. */
    public static void requireActive(final Platform platform) {
        if (!Platform.ACTIVE.equals(platform.status())) {
            throw refusal(PLATFORM_SUSPENDED, "platform '" + platform.platformId() + "' is suspended");
        }
    }

    /** A receipt of this transaction. */
    public Receipt receipt(final String type, final Idempotency.Key key, final List<Posting> postings,
            final RulesUsed rules, final Object detail) {
        return new Receipt(type, key.requestId(), key.requestHash(), txId, timestamp(), key.platformId(), postings,
                rules, detail);
    }
}
