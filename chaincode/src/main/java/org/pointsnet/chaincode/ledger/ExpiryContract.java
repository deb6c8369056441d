package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Account;
import org.pointsnet.chaincode.ledger.model.DueUsers;
import org.pointsnet.chaincode.ledger.model.ExpireDetail;
import org.pointsnet.chaincode.ledger.model.ExpiredLots;
import org.pointsnet.chaincode.ledger.model.ExpiryRule;
import org.pointsnet.chaincode.ledger.model.Lot;
import org.pointsnet.chaincode.ledger.model.LotView;
import org.pointsnet.chaincode.ledger.model.Lots;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.PlatformLots;
import org.pointsnet.chaincode.ledger.model.UserLots;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Accounts;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.Posting;

/**
 * Contract "expiry" (docs/ledger.md, "Point expiry"): a platform's expiry period, the expiry transaction that removes
 * its users' expired lots from their balances and from the supply, and the queries of what expires when. Lots live
 * inside each user's own account record, so the expiry transaction reads only the records of the users it names
 * (point reads: no private range read in a writing transaction) and writes no shared key.
 */
@Contract(name = ExpiryContract.NAME)
public final class ExpiryContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.EXPIRY;
    static final long DEFAULT_DUE_PAGE = 100;
    static final long MAX_DUE_PAGE = 1_000;

    /** Sets how long points credited from now on live (its own operator); 0: they never expire. */
    @Transaction(name = Names.SET_RULE, intent = Transaction.TYPE.SUBMIT)
    public String setRule(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_RULE, requestJson,
                Set.of("requestId", "platformId", "periodSeconds"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final long period = r.integer("periodSeconds");
            if (period < 0 || period > Limits.MAX_EXPIRY_PERIOD_SECONDS) {
                throw refusal(VALIDATION_FAILED, "periodSeconds must be 0.." + Limits.MAX_EXPIRY_PERIOD_SECONDS
                        + ", got " + period);
            }
            return period;
        }, (tx, platform, period) -> {
            final long version = Accounts.expiryRule(tx.state(), platform.platformId()).map(ExpiryRule::version)
                    .orElse(0L);
            final ExpiryRule rule = new ExpiryRule(version + 1, period);
            tx.state().write(Keys.collection(platform.platformId()), Keys.expiryRule(), rule);
            return Mutation.Outcome.of("SET_EXPIRY_RULE", rule);
        });
    }

    /**
     * Removes the lots of the named users that are expired at the transaction time, from their balances and (by
     * the receipt's postings) from the platform's supply. Users with nothing expired are left alone; a request in
     * which no named user has anything expired is VALIDATION_FAILED and writes nothing.
     */
    @Transaction(name = Names.EXPIRE, intent = Transaction.TYPE.SUBMIT)
    public String expire(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.EXPIRE, requestJson, Set.of("requestId", "platformId", "userIds"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final List<String> userIds = r.texts("userIds");
            final TreeSet<String> sorted = new TreeSet<>();
            for (final String userId : userIds) {
                sorted.add(Ids.userId("userIds[]", userId));
            }
            if (userIds.isEmpty() || userIds.size() > Limits.MAX_EXPIRE_USERS || sorted.size() != userIds.size()) {
                throw refusal(VALIDATION_FAILED, "userIds must be 1.." + Limits.MAX_EXPIRE_USERS + " distinct users");
            }
            return List.copyOf(sorted);
        }, (tx, platform, userIds) -> {
            final List<Posting> postings = new ArrayList<>();
            final List<ExpiredLots> expired = new ArrayList<>();
            for (final String userId : userIds) {
                final Lots.Expired out = Lots.expire(Accounts.account(tx.state(), platform.platformId(), userId),
                        tx.at());
                if (out.amount() > 0) {
                    Accounts.write(tx.state(), platform.platformId(), userId, out.account());
                    postings.add(new Posting(platform.platformId(), userId, -out.amount()));
                    expired.add(new ExpiredLots(userId, out.amount(), out.removed().size(),
                            out.removed().get(out.removed().size() - 1).expiresAt()));
                }
            }
            if (expired.isEmpty()) {
                throw refusal(VALIDATION_FAILED, "none of the " + userIds.size() + " named users has points of '"
                        + platform.platformId() + "' expired at " + tx.timestamp());
            }
            return new Mutation.Outcome("EXPIRE", postings, null,
                    new ExpireDetail(expired, userIds.size() - expired.size()));
        });
    }

    /** What expires when: the user's lots on every platform (or one), judged at the query's time. */
    @Transaction(name = Names.GET_LOTS, intent = Transaction.TYPE.EVALUATE)
    public String getLots(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_LOTS, requestJson, Set.of("userId", "platformId"));
        final String userId = Ids.userId("userId", req.text("userId"));
        final Tx tx = Tx.of(ctx);
        final List<Platform> platforms = req.optText("platformId").isPresent()
                ? List.of(tx.platform("platformId", req.text("platformId")))
                : PlatformContract.platforms(tx.state());
        final List<PlatformLots> out = new ArrayList<>();
        for (final Platform p : platforms) {
            final Optional<Account> account = tx.state().read(Keys.collection(p.platformId()), Keys.account(userId),
                    Account.class);
            account.ifPresent(a -> out.add(view(p.platformId(), a, tx.at())));
        }
        return Json.write(new UserLots(userId, tx.timestamp(), out));
    }

    /**
     * The platform's users with points expired by {@code dueBy} (default: the query's time), by user id, paged: what
     * the operator's expiry transaction names. A range read, so a query only.
     */
    @Transaction(name = Names.GET_DUE, intent = Transaction.TYPE.EVALUATE)
    public String getDue(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_DUE, requestJson,
                Set.of("platformId", "dueBy", "limit", "afterUserId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        final Instant dueBy = req.optText("dueBy").map(ExpiryContract::instant).orElse(tx.at());
        final long limit = req.optInteger("limit").orElse(DEFAULT_DUE_PAGE);
        if (limit < 1 || limit > MAX_DUE_PAGE) {
            throw refusal(VALIDATION_FAILED, "limit must be 1.." + MAX_DUE_PAGE + ", got " + limit);
        }
        final String after = req.optText("afterUserId").map(u -> Keys.account(Ids.userId("afterUserId", u)))
                .orElse(null);
        final List<DueUsers.DueUser> users = new ArrayList<>();
        String next = null;
        for (final LedgerState.Entry e : tx.state().range(Keys.collection(platform.platformId()),
                Keys.accountPrefix(), after, Integer.MAX_VALUE)) {
            final long due = Lots.expired(StoredJson.read(e.value(), Account.class), dueBy);
            if (due > 0) {
                final String userId = ctx.getStub().splitCompositeKey(e.key()).getAttributes().get(0);
                if (users.size() == limit) {
                    next = users.get(users.size() - 1).userId();
                    break;
                }
                users.add(new DueUsers.DueUser(userId, due));
            }
        }
        return Json.write(new DueUsers(platform.platformId(), dueBy.toString(), users, next));
    }

    private static PlatformLots view(final String platformId, final Account account, final Instant at) {
        final List<LotView> lots = new ArrayList<>();
        long expiring = 0;
        for (final Lot lot : account.lots()) {
            lots.add(new LotView(lot.expiresAt(), lot.amount(), Lots.isExpired(lot, at)));
            expiring += lot.amount();
        }
        return new PlatformLots(platformId, account.value(), Lots.spendable(account, at), account.value() - expiring,
                lots);
    }

    private static Instant instant(final String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refusal(VALIDATION_FAILED, "dueBy '" + Ids.display(value) + "' must be an ISO-8601 instant");
        }
    }
}
