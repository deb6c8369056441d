package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.SLIPPAGE;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.FeeRule;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.LimitRule;
import org.pointsnet.chaincode.ledger.core.PairLimit;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.core.RateApproval;
import org.pointsnet.chaincode.ledger.model.ConversionDetail;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.contract.Posting;
import org.pointsnet.chaincode.ledger.model.Quote;
import org.pointsnet.chaincode.ledger.model.Rules;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Accounts;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;

/** Contract "conversion": cross-platform conversions, quotes, and the fee, limit and pair-rate rules they use. */
@Contract(name = ConversionContract.NAME)
public final class ConversionContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.CONVERSION;

    /**
     * Converts a user's points of A into points of B in one transaction. Initiated by A's client (A's points leave);
     * writes A's and B's collections, so A's and B's peers must both endorse.
     */
    @Transaction(name = Names.CONVERT, intent = Transaction.TYPE.SUBMIT)
    public String convert(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.CONVERT, requestJson, Set.of("requestId", "userId", "fromPlatformId",
                "toPlatformId", "amount", "toUserId", "minAmountOut", "quotedAmountOut", "quotedRules",
                "quoteExpiresAt", "toLinkedAccount"));
        record Input(Platform to, String userId, Optional<String> toUserId, long amount, Optional<Long> minOut,
                Optional<LockedQuote> locked) {}
        return Mutation.of(ctx, req).platformIn("fromPlatformId").trading().run((tx, from, r) -> {
            final Platform to = tx.platform("toPlatformId", r.text("toPlatformId"));
            Conversions.requireDistinct(from.platformId(), to.platformId());
            final String userId = Ids.personUserId("userId", r.text("userId"));
            // "My account on B": the chaincode reads the target from the user's link, never from the caller.
            final boolean linked = r.optBoolean("toLinkedAccount").orElse(false);
            if (linked && r.optText("toUserId").isPresent()) {
                throw refusal(VALIDATION_FAILED, "toUserId and toLinkedAccount exclude each other");
            }
            return new Input(to, userId, linked ? Optional.empty()
                    : Optional.of(Ids.personUserId("toUserId", r.optText("toUserId").orElse(userId))),
                    Amounts.requirePositive("amount", r.integer("amount")),
                    r.optInteger("minAmountOut").map(m -> Amounts.requireNonNegative("minAmountOut", m)),
                    LockedQuote.of(r));
        }, (tx, from, in) -> {
            final Platform to = in.to();
            Tx.requireActive(to);
            final String toUserId = in.toUserId().orElseGet(() -> LinkContract.linkedUserId(tx.state(),
                    from.platformId(), to.platformId(), in.userId()));
            in.locked().ifPresent(locked -> locked.requireUnexpired(tx.at()));
            final Quote quote = Conversions.price(tx.state(), from, to, in.amount(), tx.at());
            in.locked().ifPresent(locked -> locked.requireSame(quote));
            if (in.minOut().isPresent() && quote.amountOut() < in.minOut().get()) {
                throw refusal(SLIPPAGE, "converting " + in.amount() + " from '" + from.platformId() + "' to '"
                        + to.platformId() + "' now pays " + quote.amountOut() + ", below minAmountOut "
                        + in.minOut().get());
            }
            Accounts.debit(tx, from.platformId(), in.userId(), in.amount());
            Conversions.applyDailyLimits(tx.state(), from, to.platformId(), in.userId(), in.amount(), tx.at());
            Accounts.credit(tx, to.platformId(), toUserId, quote.amountOut());
            final List<Posting> postings = new ArrayList<>(List.of(
                    new Posting(from.platformId(), in.userId(), -in.amount()),
                    new Posting(to.platformId(), toUserId, quote.amountOut())));
            if (quote.fee() > 0) {
                Accounts.creditFee(tx.state(), to.platformId(), tx.txId(), quote.fee());
                postings.add(new Posting(to.platformId(), Ids.FEE_ACCOUNT, quote.fee()));
            }
            final Obligation obligation = bookObligation(tx, from, to, quote);
            return new Mutation.Outcome("CONVERT", postings, quote.rules(),
                    new ConversionDetail(in.userId(), toUserId, quote, obligation));
        });
    }

    /** A now owes B the value of what B owes the user, at B's value-rule version in force. */
    private static Obligation bookObligation(final Tx tx, final Platform from, final Platform to, final Quote quote) {
        final String value = Decimals.text(PlatformValues.at(tx.state(), to, tx.at()).valueOf(quote.amountOut()));
        return Obligations.book(tx, new Obligation(Periods.period(tx.at(), from.timeZone(), from.settlementPeriod()),
                from.platformId(), to.platformId(), quote.amountOut(), value,
                to.currency(), tx.txId()));
    }

    /** What Convert would do now for {@code amount}: rate, fee, amountOut and rule versions (daily limits aside). */
    @Transaction(name = Names.QUOTE, intent = Transaction.TYPE.EVALUATE)
    public String quote(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.QUOTE, requestJson, Set.of("fromPlatformId", "toPlatformId", "amount"));
        final Tx tx = Tx.of(ctx);
        final Platform from = tx.platform("fromPlatformId", req.text("fromPlatformId"));
        final Platform to = tx.platform("toPlatformId", req.text("toPlatformId"));
        Conversions.requireDistinct(from.platformId(), to.platformId());
        final long amount = Amounts.requirePositive("amount", req.integer("amount"));
        Tx.requireActive(from);
        Tx.requireActive(to);
        return Json.write(Conversions.price(tx.state(), from, to, amount, tx.at()));
    }

    /** Sets the fee the platform charges, as destination, on conversions into it (its own admin). */
    @Transaction(name = Names.SET_FEE_RULE, intent = Transaction.TYPE.SUBMIT)
    public String setFeeRule(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_FEE_RULE, requestJson,
                Set.of("requestId", "platformId", "basisPoints", "minFee", "maxFee"));
        record Input(int basisPoints, long minFee, long maxFee) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final long bps = r.integer("basisPoints");
            if (bps < 0 || bps > 10_000) {
                throw refusal(VALIDATION_FAILED, "basisPoints must be 0..10000, got " + bps);
            }
            return new Input((int) bps, r.integer("minFee"), r.integer("maxFee"));
        }, (tx, platform, in) -> {
            final long version = Conversions.feeRule(tx.state(), platform.platformId()).map(FeeRule::version)
                    .orElse(0L);
            final FeeRule rule = new FeeRule(version + 1, in.basisPoints(), in.minFee(), in.maxFee());
            tx.state().write(Keys.collection(platform.platformId()), Keys.feeRule(), rule);
            return Mutation.Outcome.of("SET_FEE_RULE", rule);
        });
    }

    /**
     * Sets the platform's limits as conversion source (its own admin): per transaction and per user per day at once,
     * per destination pair from the next local day.
     */
    @Transaction(name = Names.SET_LIMITS, intent = Transaction.TYPE.SUBMIT)
    public String setLimits(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_LIMITS, requestJson,
                Set.of("requestId", "platformId", "maxPerTransaction", "dailyPerUser", "pairDailyLimits"));
        record Input(Long maxPerTransaction, Long dailyPerUser, TreeMap<String, PairLimit> pairs) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final TreeMap<String, PairLimit> pairs = new TreeMap<>();
            for (final Request pair : r.objects("pairDailyLimits", Set.of("toPlatformId", "dailyLimit"))) {
                final String to = tx.platform("pairDailyLimits[].toPlatformId", pair.text("toPlatformId")).platformId();
                Conversions.requireDistinct(platform.platformId(), to);
                final long limit = Amounts.requirePositive("pairDailyLimits[].dailyLimit", pair.integer("dailyLimit"));
                if (pairs.put(to, new PairLimit(to, limit)) != null) {
                    throw refusal(VALIDATION_FAILED, "pairDailyLimits names '" + to + "' twice");
                }
            }
            return new Input(r.optInteger("maxPerTransaction").map(v -> Amounts.requirePositive("maxPerTransaction", v))
                    .orElse(null), r.optInteger("dailyPerUser").map(v -> Amounts.requirePositive("dailyPerUser", v))
                    .orElse(null), pairs);
        }, (tx, platform, in) -> {
            final Optional<LimitRule> old = Conversions.limitRule(tx.state(), platform.platformId());
            final String today = Periods.day(tx.at(), platform.timeZone());
            final List<PairLimit> inForceToday = old.map(rule -> rule.pairLimitsOn(today)).orElse(List.of());
            final LimitRule rule = new LimitRule(old.map(LimitRule::version).orElse(0L) + 1, in.maxPerTransaction(),
                    in.dailyPerUser(), List.copyOf(in.pairs().values()), Periods.nextDay(today),
                    limitsForRestOfToday(inForceToday, in.pairs()));
            tx.state().write(Keys.collection(platform.platformId()), Keys.limitRule(), rule);
            return Mutation.Outcome.of("SET_LIMITS", rule);
        });
    }

    /**
     * The pair limits in force for the rest of today: today's limits stay as they are (their quota shards are sized
     * and partly used, so a change waits for the next day), and a pair that has no limit today takes its new limit at
     * once. That can only tighten: nothing of the pair was metered today, and from now on every conversion is.
     */
    private static List<PairLimit> limitsForRestOfToday(final List<PairLimit> inForceToday,
            final TreeMap<String, PairLimit> requested) {
        final TreeMap<String, PairLimit> today = new TreeMap<>();
        inForceToday.forEach(limit -> today.put(limit.toPlatformId(), limit));
        requested.forEach(today::putIfAbsent);
        return List.copyOf(today.values());
    }

    /**
     * One side (source or destination, its own admin) approves version {@code version} of the pair rate from → to.
     * The rate applies once both sides approved the same version with the same rate.
     */
    @Transaction(name = Names.APPROVE_RATE, intent = Transaction.TYPE.SUBMIT)
    public String approveRate(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.APPROVE_RATE, requestJson,
                Set.of("requestId", "platformId", "fromPlatformId", "toPlatformId", "version", "rate"));
        record Input(String from, String to, String otherId, long version, String rate) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final String from = Ids.platformId("fromPlatformId", r.text("fromPlatformId"));
            final String to = Ids.platformId("toPlatformId", r.text("toPlatformId"));
            Conversions.requireDistinct(from, to);
            if (!platform.platformId().equals(from) && !platform.platformId().equals(to)) {
                throw refusal(VALIDATION_FAILED, "platform '" + platform.platformId() + "' is not a side of pair '"
                        + from + "' -> '" + to + "'");
            }
            final String otherId = platform.platformId().equals(from) ? to : from;
            tx.platform(platform.platformId().equals(from) ? "toPlatformId" : "fromPlatformId", otherId);
            return new Input(from, to, otherId, r.integer("version"),
                    Decimals.text(Decimals.positive("rate", r.text("rate"))));
        }, (tx, platform, in) -> {
            final RateApproval own = Conversions.rateSide(tx.state(), platform.platformId(), in.from(), in.to());
            final long current = own == null ? 0 : own.approvedVersion();
            if (in.version() <= current) {
                throw refusal(VALIDATION_FAILED, "platform '" + platform.platformId() + "' already approved version "
                        + current + " of pair '" + in.from() + "' -> '" + in.to() + "'; version must be greater, got "
                        + in.version());
            }
            final RateApproval updated = RateApproval.approve(in.from(), in.to(), in.version(), in.rate(), own,
                    Conversions.rateSide(tx.state(), in.otherId(), in.from(), in.to()));
            tx.state().write(Keys.collection(platform.platformId()), Keys.rate(in.from(), in.to()), updated);
            return Mutation.Outcome.of("APPROVE_RATE", updated);
        });
    }

    /** A platform's fee and limit rules and its side of each pair rate. */
    @Transaction(name = Names.GET_RULES, intent = Transaction.TYPE.EVALUATE)
    public String getRules(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_RULES, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        final LedgerState state = tx.state();
        final List<RateApproval> rates = new ArrayList<>();
        for (final LedgerState.Entry e : state.range(Keys.collection(platform.platformId()), Keys.ratePrefix(), null,
                Integer.MAX_VALUE)) {
            rates.add(StoredJson.read(e.value(), RateApproval.class));
        }
        return Json.write(new Rules(platform.platformId(),
                Conversions.feeRule(state, platform.platformId()).orElse(null),
                Conversions.limitRule(state, platform.platformId()).orElse(null), rates));
    }
}
