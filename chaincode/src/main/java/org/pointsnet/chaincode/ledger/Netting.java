package org.pointsnet.chaincode.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Settlement;

/**
 * Nets one period's obligations from the copies each platform keeps in its own collection. A conversion counts only
 * when the debtor's and the creditor's copies are identical: each side can write only its own collection, so neither
 * can erase, shrink or invent a debt alone; a copy without an identical twin is a dispute, never netted.
 */
final class Netting {
    private record Pair(String debtor, String creditor, String currency) {
        String sortKey() {
            return debtor + "\u0000" + creditor + "\u0000" + currency;
        }
    }

    /** The two copies of one conversion's obligation, as found so far. */
    private static final class Copies {
        Obligation debtor;
        Obligation creditor;
        boolean conflicting;

        void add(final Obligation copy, final boolean debtorSide) {
            final Obligation seen = debtorSide ? debtor : creditor;
            if (seen != null && !seen.equals(copy)) {
                conflicting = true; // two different copies on one side: the side contradicts itself
            }
            if (debtorSide) {
                debtor = copy;
            } else {
                creditor = copy;
            }
        }
    }

    private final Map<String, Copies> byTx = new TreeMap<>();

    /**
     * Adds a copy found in {@code holderPlatformId}'s collection; a copy naming a platform other than its holder as a
     * party is ignored.
     */
    void add(final String holderPlatformId, final Obligation copy) {
        final boolean debtorSide = holderPlatformId.equals(copy.debtorPlatformId());
        if (!debtorSide && !holderPlatformId.equals(copy.creditorPlatformId())) {
            return; // a platform cannot book obligations of others; its word on them counts for nothing
        }
        byTx.computeIfAbsent(Objects.requireNonNullElse(copy.txId(), ""), k -> new Copies()).add(copy, debtorSide);
    }

    /** The settlement of {@code period} from the copies added. */
    Settlement settle(final String period, final List<String> closedBy) {
        final Map<String, Pair> pairs = new TreeMap<>();
        final Map<String, long[]> points = new TreeMap<>();
        final Map<String, BigDecimal> values = new TreeMap<>();
        final List<Settlement.Dispute> disputes = new ArrayList<>();
        final List<Settlement.Conversion> conversions = new ArrayList<>();
        byTx.forEach((txId, c) -> {
            final String reason = c.debtor == null ? Settlement.Dispute.MISSING_DEBTOR_COPY
                    : c.creditor == null ? Settlement.Dispute.MISSING_CREDITOR_COPY
                    : c.conflicting || !c.debtor.equals(c.creditor) ? Settlement.Dispute.COPIES_DIFFER : null;
            final Obligation any = c.debtor != null ? c.debtor : c.creditor;
            if (reason != null) {
                disputes.add(new Settlement.Dispute(txId, any.debtorPlatformId(), any.creditorPlatformId(), reason,
                        c.debtor, c.creditor));
                return;
            }
            conversions.add(new Settlement.Conversion(txId, any.debtorPlatformId(), any.creditorPlatformId()));
            final Pair pair = new Pair(any.debtorPlatformId(), any.creditorPlatformId(), any.currency());
            pairs.put(pair.sortKey(), pair);
            final long[] pts = points.computeIfAbsent(pair.sortKey(), k -> new long[1]);
            pts[0] = Amounts.add("settlement points", pts[0], any.points());
            values.merge(pair.sortKey(), new BigDecimal(any.value()), BigDecimal::add);
        });
        final List<Settlement.PairObligation> obligations = new ArrayList<>();
        final Map<String, BigDecimal> net = new TreeMap<>();
        pairs.forEach((key, pair) -> {
            final BigDecimal value = values.get(key);
            obligations.add(new Settlement.PairObligation(pair.debtor(), pair.creditor(), pair.currency(),
                    points.get(key)[0], Decimals.text(value), Decimals.text(value)));
            net.merge(pair.creditor() + "\u0000" + pair.currency(), value, BigDecimal::add);
            net.merge(pair.debtor() + "\u0000" + pair.currency(), value.negate(), BigDecimal::add);
        });
        final List<Settlement.NetPosition> positions = new ArrayList<>();
        net.forEach((k, v) -> {
            final String[] parts = k.split("\u0000");
            positions.add(new Settlement.NetPosition(parts[0], parts[1], Decimals.text(v)));
        });
        return new Settlement(period, closedBy, obligations, positions, disputes, conversions);
    }
}
