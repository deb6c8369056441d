package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.ClosedPeriod;
import org.pointsnet.chaincode.ledger.model.Confirmation;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Settlement;
import org.pointsnet.chaincode.ledger.model.Statement;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.support.Json;

/**
 * Contract "settlement": a period's obligations between platforms (aggregated from per-conversion deltas), closing
 * each side, the statement stored on chain, and each side's confirmation of its payments (docs/ledger.md,
 * "Settlement").
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
        final Settlement live = netting.settle(period, closedBy);
        final Optional<Statement> stored = state.readPublic(Keys.statement(period), Statement.class);
        if (stored.isEmpty()) {
            return Json.write(live);
        }
        final List<Settlement.PaymentStatus> statuses = new ArrayList<>();
        for (final Statement.Payment p : stored.get().payments()) {
            statuses.add(Statements.status(p,
                    confirmation(state, period, p.payerPlatformId(), p.payeePlatformId(), p.currency(), stored.get()),
                    confirmation(state, period, p.payeePlatformId(), p.payerPlatformId(), p.currency(), stored.get())));
        }
        return Json.write(live.withStatement(stored.get(), statuses));
    }

    /**
     * Stores the period's statement over the listed conversions (what {@code GetPeriod} lists under "conversions"):
     * each must be booked identically in both parties' collections (point reads: a writing transaction may not
     * range-read private data, so the caller names them), and every party must have closed the period. A statement
     * already stored is replaced only by one that covers strictly more conversions, so a statement that left one out
     * can be completed, never shrunk. Any member's operator may store it; the public key's first write needs the
     * chaincode policy (MAJORITY), so the endorsing peers' genuine code checks every copy.
     */
    @Transaction(name = Names.STORE_STATEMENT, intent = Transaction.TYPE.SUBMIT)
    public String storeStatement(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.STORE_STATEMENT, requestJson,
                Set.of("requestId", "platformId", "period", "conversions"), Limits.MAX_STATEMENT_REQUEST);
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> StatementInput.of(r),
                (tx, platform, input) -> {
                    final Statement statement = StatementInput.statement(tx, platform.platformId(), input);
                    tx.state().writePublic(Keys.statement(input.period()), statement);
                    // The receipt (an event every gateway reads) leaves the possibly long conversion list out.
                    return Mutation.Outcome.of("STORE_STATEMENT", new Statement(statement.period(),
                            statement.storedBy(), statement.version(), statement.obligations(),
                            statement.netPositions(), statement.payments(), List.of()));
                });
    }

    /**
     * The caller's platform (payer or payee of a payment of the stored statement) records what it paid or received;
     * the record goes into its own collection, so only its own peer can write it. Once per side and statement
     * version.
     */
    @Transaction(name = Names.CONFIRM, intent = Transaction.TYPE.SUBMIT)
    public String confirm(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.CONFIRM, requestJson,
                Set.of("requestId", "platformId", "period", "counterpartyPlatformId", "currency", "amount"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final String counterparty = Ids.platformId("counterpartyPlatformId", r.text("counterpartyPlatformId"));
            if (counterparty.equals(platform.platformId())) {
                throw refusal(VALIDATION_FAILED, "counterpartyPlatformId must differ from platformId");
            }
            return new ConfirmInput(Periods.label("period", r.text("period")), counterparty,
                    Ids.currency("currency", r.text("currency")),
                    Decimals.text(Decimals.positive("amount", r.text("amount"))));
        }, (tx, platform, in) -> {
            final Statement statement = tx.state().readPublic(Keys.statement(in.period()), Statement.class)
                    .orElseThrow(() -> refusal(NOT_FOUND, "no settlement statement stored for period '"
                            + in.period() + "'"));
            final String me = platform.platformId();
            final Statement.Payment payment = statement.payments().stream()
                    .filter(p -> p.currency().equals(in.currency())
                            && (p.payerPlatformId().equals(me) && p.payeePlatformId().equals(in.counterparty())
                            || p.payeePlatformId().equals(me) && p.payerPlatformId().equals(in.counterparty())))
                    .findFirst()
                    .orElseThrow(() -> refusal(NOT_FOUND, "the statement of period '" + in.period()
                            + "' has no payment between '" + me + "' and '" + in.counterparty() + "' in "
                            + in.currency()));
            final String collection = Keys.collection(me);
            final String key = Keys.confirmation(in.period(), in.counterparty(), in.currency());
            final Optional<Confirmation> earlier = tx.state().read(collection, key, Confirmation.class);
            if (earlier.isPresent() && earlier.get().statementVersion() == statement.version()) {
                throw refusal(VALIDATION_FAILED, "platform '" + me + "' already confirmed its payment with '"
                        + in.counterparty() + "' of period '" + in.period() + "' (" + earlier.get().amount() + " "
                        + in.currency() + ")");
            }
            final Confirmation confirmation = new Confirmation(in.period(), me, in.counterparty(),
                    payment.payerPlatformId().equals(me) ? Confirmation.PAYER : Confirmation.PAYEE, in.currency(),
                    in.amount(), statement.version());
            tx.state().write(collection, key, confirmation);
            return Mutation.Outcome.of("CONFIRM_SETTLEMENT", confirmation);
        });
    }

    /** The input of {@code Confirm}. */
    private record ConfirmInput(String period, String counterparty, String currency, String amount) {}

    /** {@code holder}'s confirmation of its payment with {@code other}, if it refers to {@code statement}. */
    private static Confirmation confirmation(final LedgerState state, final String period, final String holder,
            final String other, final String currency, final Statement statement) {
        return state.read(Keys.collection(holder), Keys.confirmation(period, other, currency), Confirmation.class)
                .filter(c -> c.statementVersion() == statement.version())
                .orElse(null);
    }
}
