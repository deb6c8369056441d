package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.NOT_REVERSIBLE;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.model.ReversalDetail;
import org.pointsnet.chaincode.ledger.model.ReversalMarker;
import org.pointsnet.chaincode.ledger.model.ReversalRule;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Accounts;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.contract.Posting;
import tools.jackson.databind.JsonNode;

/**
 * How a reversal undoes a transaction, by point reads only: the original's receipt (its postings say exactly what
 * changed), the reversal marker next to it, the platforms' windows, and for a conversion the fee credit and the
 * obligation. The transaction time is chosen by the submitting client, so a window check binds only an honest
 * submitter (the platform's own gateway); what no submitter can avoid: its platform's own operator identity, the
 * other platform's endorsement and rule for a conversion, one reversal per original, no negative balance.
 */
final class Reversals {
    /** The receipt types a reversal undoes; a REVERSE receipt itself is not one of them. */
    static final Set<String> REVERSIBLE = Set.of("ISSUE", "BURN", "CONVERT");
    private static final String FEE_ACCOUNT = Ids.FEE_ACCOUNT;

    private Reversals() {}

    static Optional<ReversalRule> rule(final LedgerState state, final String platformId) {
        return state.read(Keys.collection(platformId), Keys.reversalRule(), ReversalRule.class);
    }

    static Mutation.Outcome reverse(final Tx tx, final Platform platform, final String requestId,
            final String originalRequestId, final String originalType, final String reason) {
        final String collection = Keys.collection(platform.platformId());
        final JsonNode original = StoredJson.tree(tx.state().raw(collection, Keys.receipt(originalRequestId))
                .orElseThrow(() -> refusal(NOT_FOUND, "platform '" + platform.platformId() + "' has no request '"
                        + Ids.display(originalRequestId) + "'")));
        final String type = original.get("type").stringValue();
        if (!REVERSIBLE.contains(type)) {
            throw refusal(NOT_REVERSIBLE, "request '" + Ids.display(originalRequestId) + "' is a " + type
                    + (type.equals("REVERSE") ? ": a reversal is not reversed" : ", which is not reversible"));
        }
        if (!type.equals(originalType)) {
            throw refusal(VALIDATION_FAILED, "request '" + Ids.display(originalRequestId) + "' is a " + type
                    + ", not a " + originalType);
        }
        final Optional<ReversalMarker> marker = tx.state().read(collection, Keys.reversed(originalRequestId),
                ReversalMarker.class);
        if (marker.isPresent()) {
            throw refusal(NOT_REVERSIBLE, "request '" + Ids.display(originalRequestId)
                    + "' was reversed already by request '" + Ids.display(marker.get().requestId()) + "'");
        }
        final String originalTxId = original.get("txId").stringValue();
        final Instant at = Instant.parse(original.get("timestamp").stringValue());
        requireWithinWindow(tx, platform.platformId(), at);

        final List<Posting> undone = new ArrayList<>();
        for (final JsonNode p : original.get("postings").values()) {
            undone.add(new Posting(p.get("platformId").stringValue(), p.get("userId").stringValue(),
                    Math.negateExact(p.get("delta").longValue())));
        }
        Obligation obligation = null;
        if ("CONVERT".equals(type)) {
            final Platform to = tx.platform("postings[].platformId", undone.get(1).platformId());
            // The destination consents by its own rule (checked by its own peer, which must endorse this write).
            requireWithinWindow(tx, to.platformId(), at);
            obligation = opposite(tx, platform, to, original.get("detail").get("obligation"));
        }
        // Debits first: a user who spent the points refuses the whole reversal before anything is credited.
        for (final Posting p : undone) {
            if (p.delta() < 0) {
                debit(tx, p, originalTxId);
            }
        }
        for (final Posting p : undone) {
            if (p.delta() > 0) {
                Accounts.credit(tx, p.platformId(), p.userId(), p.delta());
            }
        }
        tx.state().write(collection, Keys.reversed(originalRequestId),
                new ReversalMarker(requestId, tx.txId()));
        return new Mutation.Outcome("REVERSE", undone, null,
                new ReversalDetail(originalRequestId, originalTxId, type, reason, obligation));
    }

    /** NOT_REVERSIBLE unless {@code platformId}'s window, counted from {@code at} to the transaction time, allows. */
    private static void requireWithinWindow(final Tx tx, final String platformId, final Instant at) {
        final long window = rule(tx.state(), platformId).map(ReversalRule::windowSeconds).orElse(0L);
        if (window == 0) {
            throw refusal(NOT_REVERSIBLE, "platform '" + platformId + "' does not reverse transactions (no window)");
        }
        if (Duration.between(at, tx.at()).compareTo(Duration.ofSeconds(window)) > 0) {
            throw refusal(NOT_REVERSIBLE, "the transaction of " + at + " is older than platform '" + platformId
                    + "''s reversal window of " + window + " s");
        }
    }

    /**
     * Takes a reversed credit back. A conversion fee not swept yet is its blind credit under the original tx id
     * (deleted); once swept it is in the fee account's balance.
     */
    private static void debit(final Tx tx, final Posting p, final String originalTxId) {
        final long amount = -p.delta();
        if (FEE_ACCOUNT.equals(p.userId())) {
            final String collection = Keys.collection(p.platformId());
            final Optional<Quantity> credit = tx.state().read(collection, Keys.feeCredit(originalTxId),
                    Quantity.class);
            if (credit.isPresent() && credit.get().value() == amount) {
                tx.state().delete(collection, Keys.feeCredit(originalTxId));
                return;
            }
        }
        Accounts.debit(tx, p.platformId(), p.userId(), amount);
    }

    /** The original obligation with the opposite sign, booked now on both sides (a settlement delta, not an edit). */
    private static Obligation opposite(final Tx tx, final Platform from, final Platform to, final JsonNode booked) {
        return Obligations.book(tx, new Obligation(Periods.period(tx.at(), from.timeZone(),
                from.settlementPeriod()), from.platformId(), to.platformId(),
                Math.negateExact(booked.get("points").longValue()),
                Decimals.text(new BigDecimal(booked.get("value").stringValue()).negate()),
                booked.get("currency").stringValue(), tx.txId()));
    }
}
