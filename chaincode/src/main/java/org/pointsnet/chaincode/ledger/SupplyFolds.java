package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.FoldDetail;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.model.SupplyDeltaEntry;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.contract.Limits;

/**
 * Supply folding (docs/ledger.md, "Supply deltas and folding"): every supply-changing transaction writes a blind
 * delta key, so account:GetSupply would read the platform's whole history; account:FoldSupply moves named deltas into
 * one total key. Named, because a transaction that writes may not range-read private data.
 */
final class SupplyFolds {
    /** The request members of account:FoldSupply. */
    static final Set<String> FIELDS = Set.of("requestId", "platformId", "deltas");
    private static final Set<String> DELTA_FIELDS = Set.of("day", "txId");

    /** One validated delta key to fold. */
    record DeltaKey(String day, String txId) {
        String key() {
            return Keys.supply(day, txId);
        }
    }

    private SupplyFolds() {}

    /** The named keys, validated and sorted by key: 1..MAX_FOLD_DELTAS, distinct, well-formed. */
    static List<DeltaKey> input(final Request r) {
        final List<Request> items = r.objects("deltas", DELTA_FIELDS);
        if (items.isEmpty() || items.size() > Limits.MAX_FOLD_DELTAS) {
            throw refusal(VALIDATION_FAILED, "deltas must name 1.." + Limits.MAX_FOLD_DELTAS + " supply deltas, got "
                    + items.size());
        }
        final Map<String, DeltaKey> sorted = new TreeMap<>();
        for (final Request item : items) {
            final String day = item.text("day");
            final String txId = item.text("txId");
            if (!Limits.SUPPLY_DAY.matcher(day).matches()) {
                throw refusal(VALIDATION_FAILED, "deltas[].day '" + Ids.display(day)
                        + "' must be a UTC day yyyy-MM-dd");
            }
            if (!Limits.TX_ID.matcher(txId).matches()) {
                throw refusal(VALIDATION_FAILED, "deltas[].txId '" + Ids.display(txId)
                        + "' must be 1-128 visible ASCII characters");
            }
            final DeltaKey key = new DeltaKey(day, txId);
            if (sorted.put(key.key(), key) != null) {
                throw refusal(VALIDATION_FAILED, "deltas names the delta of day " + day + " and transaction '"
                        + Ids.display(txId) + "' twice");
            }
        }
        return List.copyOf(sorted.values());
    }

    /**
     * Point-reads each named delta of the platform's own collection (a missing one is refused: it was folded already
     * or never written), deletes them and adds their sum to the total. MVCC invalidates a concurrent fold of the same
     * keys, so no delta is counted twice.
     */
    static Mutation.Outcome fold(final Tx tx, final String platformId, final List<DeltaKey> keys) {
        final String collection = Keys.collection(platformId);
        long amount = 0;
        for (final DeltaKey k : keys) {
            final long delta = tx.state().read(collection, k.key(), Quantity.class).map(Quantity::value)
                    .orElseThrow(() -> refusal(NOT_FOUND, "platform '" + platformId + "' has no unfolded supply "
                            + "delta of day " + k.day() + " and transaction '" + Ids.display(k.txId()) + "'"));
            amount = Amounts.add("folded supply", amount, delta);
            tx.state().delete(collection, k.key());
        }
        final long total = Amounts.add("supply total", total(tx.state(), collection), amount);
        tx.state().write(collection, Keys.supplyTotal(), new Quantity(total));
        // No postings: the supply, as GetSupply and the projections count it, does not change.
        return Mutation.Outcome.of("FOLD_SUPPLY", new FoldDetail(keys.size(), amount, total));
    }

    /** The folded total of a platform's collection (0 before the first fold). */
    static long total(final LedgerState state, final String collection) {
        return state.read(collection, Keys.supplyTotal(), Quantity.class).map(Quantity::value).orElse(0L);
    }

    /** The platform's unfolded deltas in key order (oldest day first), at most {@link Limits#MAX_FOLD_DELTAS}. */
    static List<SupplyDeltaEntry> list(final ChaincodeStub stub, final LedgerState state, final String platformId) {
        final List<SupplyDeltaEntry> out = new ArrayList<>();
        for (final LedgerState.Entry e : state.range(Keys.collection(platformId), Keys.supplyPrefix(), null,
                Limits.MAX_FOLD_DELTAS)) {
            final List<String> attributes = stub.splitCompositeKey(e.key()).getAttributes();
            out.add(new SupplyDeltaEntry(attributes.get(0), attributes.get(1),
                    StoredJson.read(e.value(), Quantity.class).value()));
        }
        return out;
    }
}
