package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Account;
import org.pointsnet.chaincode.ledger.model.AmountDetail;
import org.pointsnet.chaincode.ledger.model.Balance;
import org.pointsnet.chaincode.ledger.model.Balances;
import org.pointsnet.chaincode.ledger.model.CategoryIssueDetail;
import org.pointsnet.chaincode.ledger.model.FeeCredit;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.contract.Posting;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.model.Supply;
import org.pointsnet.chaincode.ledger.model.SupplyAudit;
import org.pointsnet.chaincode.ledger.model.SweepDetail;
import org.pointsnet.chaincode.ledger.model.TransferDetail;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Accounts;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;

/**
 * Contract "account": issue, burn and transfer a platform's points (its own clients), fee sweeps, and account queries.
 */
@Contract(name = AccountContract.NAME)
public final class AccountContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.ACCOUNT;
    static final int MAX_SWEEP = 100;
    static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 50;
    private static final Set<String> AMOUNT_FIELDS = Set.of("requestId", "platformId", "userId", "amount", "reason");

    /**
     * Earn: credits {@code amount} of the caller's platform points to a user; with an earning {@code category},
     * {@code amount} is the base amount and floor(amount × the category's multiplier in force) is credited.
     */
    @Transaction(name = Names.ISSUE, intent = Transaction.TYPE.SUBMIT)
    public String issue(final Context ctx, final String requestJson) {
        final Set<String> fields = new TreeSet<>(AMOUNT_FIELDS);
        fields.add("category");
        final Request req = Request.parse(Names.ISSUE, requestJson, fields);
        if (req.optText("category").isEmpty()) {
            return issueOrBurn(ctx, req, true);
        }
        record Input(AmountDetail base, String category) {}
        return Mutation.of(ctx, req).trading().run((tx, platform, r) -> new Input(new AmountDetail(
                Ids.userId("userId", r.text("userId")), Amounts.requirePositive("amount", r.integer("amount")),
                reason(r)), r.text("category")), (tx, platform, in) -> {
                    final ValueContract.Credited credited = ValueContract.credit(tx.state(), platform,
                            in.category(), in.base().amount(), tx.at());
                    Accounts.credit(tx, platform.platformId(), in.base().userId(), credited.points());
                    return new Mutation.Outcome("ISSUE", List.of(new Posting(platform.platformId(),
                            in.base().userId(), credited.points())), null, new CategoryIssueDetail(
                            in.base().userId(), credited.points(), in.base().reason(), in.category(),
                            in.base().amount(), credited.multiplier(), credited.version()));
                });
    }

    /** Expire or debit: removes {@code amount} of the caller's platform points from a user. */
    @Transaction(name = Names.BURN, intent = Transaction.TYPE.SUBMIT)
    public String burn(final Context ctx, final String requestJson) {
        return issueOrBurn(ctx, Request.parse(Names.BURN, requestJson, AMOUNT_FIELDS), false);
    }

    /** Moves points between two users of the same platform. */
    @Transaction(name = Names.TRANSFER, intent = Transaction.TYPE.SUBMIT)
    public String transfer(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.TRANSFER, requestJson,
                Set.of("requestId", "platformId", "fromUserId", "toUserId", "amount", "reason"));
        return Mutation.of(ctx, req).trading().run((tx, platform, r) -> {
            final String from = Ids.userId("fromUserId", r.text("fromUserId"));
            final String to = Ids.userId("toUserId", r.text("toUserId"));
            if (from.equals(to)) {
                throw refusal(VALIDATION_FAILED, "fromUserId and toUserId are both '" + from + "'");
            }
            return new TransferDetail(from, to, Amounts.requirePositive("amount", r.integer("amount")), reason(r));
        }, (tx, platform, in) -> {
            // The recipient gets the very lots the sender gave: a transfer renews no expiry.
            Accounts.credit(tx, platform.platformId(), in.toUserId(),
                    Accounts.debit(tx, platform.platformId(), in.fromUserId(), in.amount()));
            return new Mutation.Outcome("TRANSFER", List.of(new Posting(platform.platformId(), in.fromUserId(),
                    -in.amount()), new Posting(platform.platformId(), in.toUserId(), in.amount())), null, in);
        });
    }

    /**
     * Folds named unswept fee credits into the fee account's spendable balance. Point reads of named keys, because a
     * transaction that writes may not range-read private data.
     */
    @Transaction(name = Names.SWEEP_FEES, intent = Transaction.TYPE.SUBMIT)
    public String sweepFees(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SWEEP_FEES, requestJson, Set.of("requestId", "platformId", "txIds"));
        return Mutation.of(ctx, req).run((tx, platform, r) -> {
            final List<String> txIds = r.texts("txIds");
            final TreeSet<String> sorted = new TreeSet<>(txIds);
            if (txIds.isEmpty() || txIds.size() > MAX_SWEEP || sorted.size() != txIds.size()) {
                throw refusal(VALIDATION_FAILED, "txIds must be 1.." + MAX_SWEEP + " distinct transaction ids");
            }
            sorted.forEach(txId -> Ids.text("txIds[]", txId, 128));
            return List.copyOf(sorted);
        }, (tx, platform, txIds) -> {
            final String collection = Keys.collection(platform.platformId());
            long total = 0;
            for (final String txId : txIds) {
                final String creditKey = Keys.feeCredit(txId);
                final long amount = tx.state().read(collection, creditKey, Quantity.class).map(Quantity::value)
                        .orElseThrow(() -> refusal(NOT_FOUND, "platform '" + platform.platformId()
                                + "' has no unswept fee credit of transaction '" + Ids.display(txId) + "'"));
                total = Amounts.add("swept fees", total, amount);
                tx.state().delete(collection, creditKey);
            }
            Accounts.credit(tx, platform.platformId(), Ids.FEE_ACCOUNT, total);
            // No postings: the fee account's balance, as postings and queries count it, does not change.
            return Mutation.Outcome.of("SWEEP_FEES", new SweepDetail(txIds, total));
        });
    }

    /**
     * Folds named supply deltas of the platform's own collection into its supply total (SupplyFolds): GetSupply then
     * reads fewer keys and answers the same. The platform's operators only; no postings.
     */
    @Transaction(name = Names.FOLD_SUPPLY, intent = Transaction.TYPE.SUBMIT)
    public String foldSupply(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.FOLD_SUPPLY, requestJson, SupplyFolds.FIELDS, Limits.MAX_FOLD_REQUEST);
        return Mutation.of(ctx, req).run((tx, platform, r) -> SupplyFolds.input(r),
                (tx, platform, keys) -> SupplyFolds.fold(tx, platform.platformId(), keys));
    }

    /**
     * A user's balances on every platform (or, with {@code platformId}, on that one only) and their total value in one
     * currency.
     */
    @Transaction(name = Names.GET_BALANCES, intent = Transaction.TYPE.EVALUATE)
    public String getBalances(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_BALANCES, requestJson, Set.of("userId", "currency", "platformId"));
        final String userId = Ids.userId("userId", req.text("userId"));
        final LedgerState state = new LedgerState(ctx.getStub());
        final Instant at = ctx.getStub().getTxTimestamp();
        final List<Platform> platforms = only(req, PlatformContract.platforms(state));
        final String currency = req.optText("currency").map(c -> Ids.currency("currency", c))
                .orElseGet(() -> commonCurrency(platforms));
        final List<Balance> balances = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (final Platform p : platforms) {
            final Optional<Long> balance = balance(state, p.platformId(), userId);
            if (balance.isPresent()) {
                final BigDecimal value = PlatformValues.at(state, p, at).valueOf(balance.get());
                balances.add(new Balance(p.platformId(), balance.get(), Decimals.text(value), p.currency()));
                if (p.currency().equals(currency)) {
                    total = total.add(value);
                }
            }
        }
        return Json.write(new Balances(userId, balances, Decimals.text(total), currency));
    }

    /**
     * A user's receipts across platforms (or, with {@code platformId}, those indexed on that platform), newest first,
     * paged by an opaque cursor.
     */
    @Transaction(name = Names.GET_HISTORY, intent = Transaction.TYPE.EVALUATE)
    public String getHistory(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_HISTORY, requestJson,
                Set.of("userId", "limit", "cursor", "platformId"));
        final String userId = Ids.userId("userId", req.text("userId"));
        final long limit = req.optInteger("limit").orElse((long) DEFAULT_PAGE);
        if (limit < 1 || limit > MAX_PAGE) {
            throw refusal(VALIDATION_FAILED, "limit must be 1.." + MAX_PAGE + ", got " + limit);
        }
        final LedgerState state = new LedgerState(ctx.getStub());
        return Json.write(HistoryQuery.page(state, only(req, PlatformContract.platforms(state)), userId, (int) limit,
                req.optText("cursor").orElse(null)));
    }

    /** The registered platforms, or only the request's optional {@code platformId} (NOT_FOUND if not registered). */
    private static List<Platform> only(final Request req, final List<Platform> platforms) {
        final Optional<String> only = req.optText("platformId").map(id -> Ids.platformId("platformId", id));
        if (only.isEmpty()) {
            return platforms;
        }
        final List<Platform> one = platforms.stream().filter(p -> p.platformId().equals(only.get())).toList();
        if (one.isEmpty()) {
            throw refusal(NOT_FOUND, "platform '" + only.get() + "' is not registered");
        }
        return one;
    }

    /**
     * Each platform's supply (its folded total plus the delta keys not folded yet), or one platform's: what every
     * gateway's reconciliation compares with its projection, every few seconds, so it reads what was written since the
     * last fold and never the accounts.
     */
    @Transaction(name = Names.GET_SUPPLY, intent = Transaction.TYPE.EVALUATE)
    public String getSupply(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_SUPPLY, requestJson, Set.of("platformId"));
        final LedgerState state = new LedgerState(ctx.getStub());
        return Json.write(only(req, PlatformContract.platforms(state)).stream()
                .map(p -> new Supply(p.platformId(), supply(state, Keys.collection(p.platformId())))).toList());
    }

    /**
     * The ledger's own audit: each platform's supply next to the sum of its balances and unswept fee credits (equal on
     * a consistent ledger), or one platform's. It reads every account of the platform, so it is for operators and
     * tests (admin-cli reconcile), not for a schedule.
     */
    @Transaction(name = Names.AUDIT_SUPPLY, intent = Transaction.TYPE.EVALUATE)
    public String auditSupply(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.AUDIT_SUPPLY, requestJson, Set.of("platformId"));
        final LedgerState state = new LedgerState(ctx.getStub());
        return Json.write(only(req, PlatformContract.platforms(state)).stream().map(p -> {
            final String c = Keys.collection(p.platformId());
            return new SupplyAudit(p.platformId(), supply(state, c), Amounts.add("balances", accounts(state, c),
                    sum(state, c, Keys.feeCreditPrefix())));
        }).toList());
    }

    /** A platform's unswept fee credits (for SweepFees), oldest transaction id order, at most 200. */
    @Transaction(name = Names.GET_FEE_CREDITS, intent = Transaction.TYPE.EVALUATE)
    public String getFeeCredits(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_FEE_CREDITS, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        final List<FeeCredit> out = new ArrayList<>();
        final String prefix = Keys.feeCreditPrefix();
        for (final LedgerState.Entry e : tx.state().range(Keys.collection(platform.platformId()), prefix, null,
                MAX_PAGE)) {
            final String txId = ctx.getStub().splitCompositeKey(e.key()).getAttributes().get(0);
            out.add(new FeeCredit(txId, StoredJson.read(e.value(), Quantity.class).value()));
        }
        return Json.write(out);
    }

    /** A platform's unfolded supply deltas (for FoldSupply), oldest day first, at most Limits.MAX_FOLD_DELTAS. */
    @Transaction(name = Names.GET_SUPPLY_DELTAS, intent = Transaction.TYPE.EVALUATE)
    public String getSupplyDeltas(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_SUPPLY_DELTAS, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        return Json.write(SupplyFolds.list(ctx.getStub(), tx.state(), platform.platformId()));
    }

    private static String issueOrBurn(final Context ctx, final Request req, final boolean issue) {
        return Mutation.of(ctx, req).trading().run((tx, platform, r) -> new AmountDetail(
                Ids.userId("userId", r.text("userId")), Amounts.requirePositive("amount", r.integer("amount")),
                reason(r)), (tx, platform, in) -> {
                    if (issue) {
                        Accounts.credit(tx, platform.platformId(), in.userId(), in.amount());
                    } else {
                        Accounts.debit(tx, platform.platformId(), in.userId(), in.amount());
                    }
                    return new Mutation.Outcome(issue ? "ISSUE" : "BURN", List.of(new Posting(platform.platformId(),
                            in.userId(), issue ? in.amount() : -in.amount())), null, in);
                });
    }

    private static String reason(final Request req) {
        return req.optText("reason").map(r -> Ids.text("reason", r, 128)).orElse(null);
    }

    /** Balance plus, for the fee account, unswept fee credits; empty when the user has no account there. */
    private static Optional<Long> balance(final LedgerState state, final String platformId, final String userId) {
        final String c = Keys.collection(platformId);
        Optional<Long> balance = state.read(c, Keys.account(userId), Account.class).map(Account::value);
        if (Ids.FEE_ACCOUNT.equals(userId)) {
            final List<LedgerState.Entry> credits = state.range(c, Keys.feeCreditPrefix(), null, Integer.MAX_VALUE);
            if (!credits.isEmpty()) {
                balance = Optional.of(Amounts.add("fee balance", balance.orElse(0L), sum(credits)));
            }
        }
        return balance;
    }

    private static long supply(final LedgerState state, final String collection) {
        return Amounts.add("supply", SupplyFolds.total(state, collection), sum(state, collection, Keys.supplyPrefix()));
    }

    private static long sum(final LedgerState state, final String collection, final String prefix) {
        return sum(state.range(collection, prefix, null, Integer.MAX_VALUE));
    }

    /** The sum of every account's whole balance (expired lots not yet removed count: they are still supply). */
    private static long accounts(final LedgerState state, final String collection) {
        long total = 0;
        for (final LedgerState.Entry e : state.range(collection, Keys.accountPrefix(), null, Integer.MAX_VALUE)) {
            total = Amounts.add("sum", total, StoredJson.read(e.value(), Account.class).value());
        }
        return total;
    }

    private static long sum(final List<LedgerState.Entry> entries) {
        long total = 0;
        for (final LedgerState.Entry e : entries) {
            total = Amounts.add("sum", total, StoredJson.read(e.value(), Quantity.class).value());
        }
        return total;
    }

    private static String commonCurrency(final List<Platform> platforms) {
        final TreeSet<String> currencies = new TreeSet<>();
        platforms.forEach(p -> currencies.add(p.currency()));
        if (currencies.size() > 1) {
            throw refusal(VALIDATION_FAILED, "platforms value points in " + String.join(", ", currencies)
                    + ": name the currency of the total");
        }
        return currencies.isEmpty() ? null : currencies.first();
    }
}
