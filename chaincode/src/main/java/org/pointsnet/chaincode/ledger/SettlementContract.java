package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.ClosedPeriod;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.support.Json;

/**
 * Contract "settlement": a period's obligations between platforms (aggregated from per-conversion deltas), and
 * closing.
 */
@Contract(name = SettlementContract.NAME)
public final class SettlementContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.SETTLEMENT;

    /**
     * Closes a settlement period on the caller's platform (its own admin): once the period has ended, no conversion
     * can book an obligation into it on this platform's side any more, even with a backdated transaction timestamp
     * (proposal timestamps are set by the submitting client and not checked by peers).
     */
    @Transaction(name = Names.CLOSE_PERIOD, intent = Transaction.TYPE.SUBMIT)
    public String closePeriod(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.CLOSE_PERIOD, requestJson, Set.of("requestId", "platformId", "period"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> Periods.label("period", r.text("period")),
                (tx, platform, period) -> {
                    // After the replay: whether the period has ended depends on this transaction's time.
                    if (!Periods.ended(period, tx.at(), platform.timeZone())) {
                        throw refusal(VALIDATION_FAILED, "period '" + period + "' has not ended for platform '"
                                + platform.platformId() + "' (" + platform.timeZone() + ")");
                    }
                    final String collection = Keys.collection(platform.platformId());
                    if (tx.state().raw(collection, Keys.closedPeriod(period)).isPresent()) {
                        throw refusal(VALIDATION_FAILED, "platform '" + platform.platformId()
                                + "' already closed period '" + period + "'");
                    }
                    final ClosedPeriod closed = new ClosedPeriod(platform.platformId(), period);
                    tx.state().write(collection, Keys.closedPeriod(period), closed);
                    return Mutation.Outcome.of("CLOSE_PERIOD", closed);
                });
    }

    /**
     * Obligations and net positions of {@code period} ("2025-03-14" or "2025-03", the debtor's period label), netted
     * only over conversions that both sides booked identically; the rest are listed as disputes.
     */
    @Transaction(name = Names.GET_PERIOD, intent = Transaction.TYPE.EVALUATE)
    public String getPeriod(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_PERIOD, requestJson, Set.of("period"));
        final String period = Periods.label("period", req.text("period"));
        final LedgerState state = new LedgerState(ctx.getStub());
        final List<String> closedBy = new ArrayList<>();
        final Netting netting = new Netting();
        for (final Platform p : PlatformContract.platforms(state)) {
            if (state.raw(Keys.collection(p.platformId()), Keys.closedPeriod(period)).isPresent()) {
                closedBy.add(p.platformId());
            }
            for (final LedgerState.Entry e : state.range(Keys.collection(p.platformId()),
                    Keys.obligationPrefix(period), null, Integer.MAX_VALUE)) {
                netting.add(p.platformId(), StoredJson.read(e.value(), Obligation.class));
            }
        }
        return Json.write(netting.settle(period, closedBy));
    }
}
