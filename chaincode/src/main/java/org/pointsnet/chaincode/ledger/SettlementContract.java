package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.ClosedPeriod;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Settlement;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Idempotency;
import org.pointsnet.chaincode.ledger.tx.Receipts;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;

/** Contract "settlement": a period's obligations between platforms (aggregated from per-conversion deltas), and closing. */
@Contract(name = SettlementContract.NAME)
public final class SettlementContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = "settlement";

    private record Pair(String debtor, String creditor, String currency) implements Comparable<Pair> {
        @Override
        public int compareTo(final Pair o) {
            return (debtor + "\u0000" + creditor + "\u0000" + currency)
                    .compareTo(o.debtor + "\u0000" + o.creditor + "\u0000" + o.currency);
        }
    }

    /**
     * Closes a settlement period on the caller's platform (its own admin): once the period has ended, no conversion
     * can book an obligation into it on this platform's side any more, even with a backdated transaction timestamp
     * (proposal timestamps are set by the submitting client and not checked by peers).
     */
    @Transaction(name = "ClosePeriod", intent = Transaction.TYPE.SUBMIT)
    public String closePeriod(final Context ctx, final String requestJson) {
        final Request req = Request.parse("ClosePeriod", requestJson, Set.of("requestId", "platformId", "period"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        tx.caller().requireAdminOf(platform, "ClosePeriod");
        final String period = Periods.label("period", req.text("period"));
        final Idempotency.Key key = Idempotency.key(platform.platformId(), req);
        final Optional<String> replay = Idempotency.replay(tx.state(), key);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!Periods.ended(period, tx.at(), platform.timeZone())) {
            throw VALIDATION_FAILED.exception("period '" + period + "' has not ended for platform '"
                    + platform.platformId() + "' (" + platform.timeZone() + ")");
        }
        final String collection = Keys.collection(platform.platformId());
        if (tx.state().raw(collection, Keys.closedPeriod(period)).isPresent()) {
            throw VALIDATION_FAILED.exception("platform '" + platform.platformId() + "' already closed period '"
                    + period + "'");
        }
        final ClosedPeriod closed = new ClosedPeriod(platform.platformId(), period);
        tx.state().write(collection, Keys.closedPeriod(period), closed);
        return Receipts.finish(tx, tx.receipt("CLOSE_PERIOD", key, List.of(), null, closed));
    }

    /** Obligations and net positions of {@code period} ("2025-03-14" or "2025-03", the debtor's period label). */
    @Transaction(name = "GetPeriod", intent = Transaction.TYPE.EVALUATE)
    public String getPeriod(final Context ctx, final String requestJson) {
        final Request req = Request.parse("GetPeriod", requestJson, Set.of("period"));
        final String period = Periods.label("period", req.text("period"));
        final LedgerState state = new LedgerState(ctx.getStub());
        final List<String> closedBy = new ArrayList<>();
        final Map<Pair, long[]> points = new TreeMap<>();
        final Map<Pair, BigDecimal[]> values = new TreeMap<>();
        for (final Platform p : PlatformContract.platforms(state)) {
            if (state.raw(Keys.collection(p.platformId()), Keys.closedPeriod(period)).isPresent()) {
                closedBy.add(p.platformId());
            }
            for (final LedgerState.Entry e : state.range(Keys.collection(p.platformId()),
                    Keys.obligationPrefix(period), null, Integer.MAX_VALUE)) {
                final Obligation o = StoredJson.read(e.value(), Obligation.class);
                final Pair pair = new Pair(o.debtorPlatformId(), o.creditorPlatformId(), o.currency());
                final BigDecimal[] v = values.computeIfAbsent(pair, k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                // Index 0: the debtor's booking (authoritative for the amount owed); 1: the creditor's copy.
                final int side = p.platformId().equals(o.debtorPlatformId()) ? 0 : 1;
                v[side] = v[side].add(new BigDecimal(o.value()));
                if (side == 0) {
                    final long[] pts = points.computeIfAbsent(pair, k -> new long[1]);
                    pts[0] = Amounts.add("settlement points", pts[0], o.points());
                }
            }
        }
        final List<Settlement.PairObligation> obligations = new ArrayList<>();
        final Map<String, BigDecimal> net = new TreeMap<>();
        values.forEach((pair, v) -> {
            obligations.add(new Settlement.PairObligation(pair.debtor(), pair.creditor(), pair.currency(),
                    points.getOrDefault(pair, new long[1])[0], Decimals.text(v[0]), Decimals.text(v[1])));
            net.merge(pair.creditor() + "\u0000" + pair.currency(), v[0], BigDecimal::add);
            net.merge(pair.debtor() + "\u0000" + pair.currency(), v[0].negate(), BigDecimal::add);
        });
        final List<Settlement.NetPosition> positions = new ArrayList<>();
        net.forEach((k, v) -> {
            final String[] parts = k.split("\u0000");
            positions.add(new Settlement.NetPosition(parts[0], parts[1], Decimals.text(v)));
        });
        return Json.write(new Settlement(period, closedBy, obligations, positions));
    }
}
