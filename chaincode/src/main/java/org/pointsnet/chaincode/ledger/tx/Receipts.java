package org.pointsnet.chaincode.ledger.tx;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.model.HistoryEntry;
import org.pointsnet.contract.Posting;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.contract.Receipt;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.support.Json;

/**
 * Ends a mutating transaction: stores the receipt for idempotency, indexes it in every touched user's history, writes
 * one blind supply delta per platform whose supply changed, puts all writes and sets the one Receipt event.
 */
public final class Receipts {
    private Receipts() {}

    /** Finishes {@code tx} with {@code receipt}; returns the receipt JSON (the function result). */
    public static String finish(final Tx tx, final Receipt receipt) {
        final byte[] bytes = Json.writeBytes(receipt);
        tx.state().writeRaw(Keys.collection(receipt.platformId()), Keys.receipt(receipt.requestId()), bytes);

        final Set<String> touched = new TreeSet<>();
        final Map<String, Long> supplyDeltas = new TreeMap<>();
        for (final Posting p : receipt.postings()) {
            if (touched.add(p.platformId() + "\u0000" + p.userId())) {
                tx.state().write(Keys.collection(p.platformId()), Keys.history(p.userId(), tx.at(), tx.txId()),
                        new HistoryEntry(receipt.platformId(), receipt.requestId()));
            }
            supplyDeltas.merge(p.platformId(), p.delta(), (a, b) -> Amounts.add("supply delta", a, b));
        }
        // The UTC day only groups deltas for later aggregation; it carries no business meaning.
        final String day = LocalDate.ofInstant(tx.at(), ZoneOffset.UTC).toString();
        supplyDeltas.forEach((platformId, delta) -> {
            if (delta != 0) {
                tx.state().write(Keys.collection(platformId), Keys.supply(day, tx.txId()), new Quantity(delta));
            }
        });
        tx.state().flush();
        tx.ctx().getStub().setEvent(Receipt.EVENT, bytes);
        return new String(bytes, UTF_8);
    }
}
