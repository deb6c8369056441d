package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.LIMIT_EXCEEDED;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.REWARD_UNAVAILABLE;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.Shards;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.contract.Posting;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.model.Redemption;
import org.pointsnet.chaincode.ledger.model.Reward;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Accounts;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;

/** Contract "reward": a platform's catalog (its own admin) and redemptions (its own clients), stock split in shards. */
@Contract(name = RewardContract.NAME)
public final class RewardContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.REWARD;
    /** Most units one redemption may take. */
    static final long MAX_QUANTITY = 1_000_000;

    /** Adds or changes a reward; its remaining stock is set to {@code stock}, split over the shards. */
    @Transaction(name = Names.PUT_REWARD, intent = Transaction.TYPE.SUBMIT)
    public String putReward(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.PUT_REWARD, requestJson, Set.of("requestId", "platformId", "rewardId",
                "name", "points", "stock", "perUserLimit", "activeFrom", "activeUntil"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final String from = r.optText("activeFrom").map(v -> instant("activeFrom", v)).orElse(null);
            final String until = r.optText("activeUntil").map(v -> instant("activeUntil", v)).orElse(null);
            if (from != null && until != null && !Instant.parse(from).isBefore(Instant.parse(until))) {
                throw refusal(VALIDATION_FAILED, "activeFrom " + from + " must be before activeUntil " + until);
            }
            // Version 0 is a placeholder: the body sets the next version from the stored catalog entry.
            return new Reward(platform.platformId(), Ids.rewardId("rewardId", r.text("rewardId")),
                    Ids.text("name", r.text("name"), 128), Amounts.requirePositive("points", r.integer("points")),
                    Amounts.requireNonNegative("stock", r.integer("stock")),
                    r.optInteger("perUserLimit").map(v -> Amounts.requirePositive("perUserLimit", v)).orElse(null),
                    from, until, 0);
        }, (tx, platform, in) -> {
            final String collection = Keys.collection(platform.platformId());
            final long version = tx.state().read(collection, Keys.reward(in.rewardId()), Reward.class)
                    .map(Reward::version).orElse(0L) + 1;
            final Reward reward = new Reward(in.platformId(), in.rewardId(), in.name(), in.points(), in.stock(),
                    in.perUserLimit(), in.activeFrom(), in.activeUntil(), version);
            tx.state().write(collection, Keys.reward(reward.rewardId()), reward);
            for (int shard = 0; shard < Shards.STOCK.count(); shard++) {
                tx.state().write(collection, Keys.stock(reward.rewardId(), shard),
                        new Quantity(Shards.STOCK.capacity(reward.stock(), shard)));
            }
            return Mutation.Outcome.of("PUT_REWARD", reward);
        });
    }

    /** Redeems {@code quantity} units of a reward: debits points, takes stock, records the redemption. */
    @Transaction(name = Names.REDEEM, intent = Transaction.TYPE.SUBMIT)
    public String redeem(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.REDEEM, requestJson,
                Set.of("requestId", "platformId", "userId", "rewardId", "quantity"));
        record Input(String userId, String rewardId, long quantity) {}
        return Mutation.of(ctx, req).trading().run((tx, platform, r) -> {
            final long quantity = r.integer("quantity");
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw refusal(VALIDATION_FAILED, "quantity must be 1.." + MAX_QUANTITY + ", got " + quantity);
            }
            return new Input(Ids.personUserId("userId", r.text("userId")),
                    Ids.rewardId("rewardId", r.text("rewardId")), quantity);
        }, (tx, platform, in) -> {
            final Redemption redemption = redeem(tx, platform, in.userId(), in.rewardId(), in.quantity());
            return new Mutation.Outcome("REDEEM", List.of(new Posting(platform.platformId(), in.userId(),
                    -redemption.points())), null, redemption);
        });
    }

    /** Checks the reward's window and the user's limit, debits the points, takes the stock, records the redemption. */
    private static Redemption redeem(final Tx tx, final Platform platform, final String userId, final String rewardId,
            final long quantity) {
        final String collection = Keys.collection(platform.platformId());
        final Reward reward = tx.state().read(collection, Keys.reward(rewardId), Reward.class)
                .orElseThrow(() -> refusal(NOT_FOUND, "platform '" + platform.platformId() + "' has no reward '"
                        + rewardId + "'"));
        if ((reward.activeFrom() != null && tx.at().isBefore(Instant.parse(reward.activeFrom())))
                || (reward.activeUntil() != null && !tx.at().isBefore(Instant.parse(reward.activeUntil())))) {
            throw refusal(REWARD_UNAVAILABLE, "reward '" + rewardId + "' of platform '" + platform.platformId()
                    + "' is not active at " + tx.timestamp());
        }
        final String countKey = Keys.redeemedCount(rewardId, userId);
        final long redeemed = tx.state().read(collection, countKey, Quantity.class).map(Quantity::value).orElse(0L);
        final long after = Amounts.add("redeemed count", redeemed, quantity);
        if (reward.perUserLimit() != null && after > reward.perUserLimit()) {
            throw refusal(LIMIT_EXCEEDED, "user '" + userId + "' has redeemed " + redeemed + " of reward '"
                    + rewardId + "', limit " + reward.perUserLimit() + " per user");
        }
        final long cost = Amounts.multiply("points of " + quantity + " x '" + rewardId + "'", reward.points(),
                quantity);
        Accounts.debit(tx, platform.platformId(), userId, cost);
        final List<Shards.Take> takes = Shards.STOCK.take(quantity, Shards.STOCK.home(userId),
                shard -> remaining(tx.state(), collection, rewardId, shard));
        if (takes.isEmpty()) {
            throw refusal(REWARD_UNAVAILABLE, "reward '" + rewardId + "' of platform '" + platform.platformId()
                    + "' has fewer than " + quantity + " left in stock");
        }
        for (final Shards.Take take : takes) {
            tx.state().write(collection, Keys.stock(rewardId, take.shard()),
                    new Quantity(remaining(tx.state(), collection, rewardId, take.shard()) - take.amount()));
        }
        tx.state().write(collection, countKey, new Quantity(after));
        final Redemption redemption = new Redemption(platform.platformId(), rewardId, userId, quantity, cost,
                reward.version(), tx.txId());
        tx.state().write(collection, Keys.redemption(userId, rewardId, tx.txId()), redemption);
        return redemption;
    }

    /** A platform's catalog with each reward's remaining stock (sum of its shards). */
    @Transaction(name = Names.LIST_REWARDS, intent = Transaction.TYPE.EVALUATE)
    public String listRewards(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LIST_REWARDS, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        final String collection = Keys.collection(platform.platformId());
        final List<Reward> out = new ArrayList<>();
        for (final LedgerState.Entry e : tx.state().range(collection, Keys.rewardPrefix(), null, Integer.MAX_VALUE)) {
            final Reward r = StoredJson.read(e.value(), Reward.class);
            long left = 0;
            for (int shard = 0; shard < Shards.STOCK.count(); shard++) {
                left += remaining(tx.state(), collection, r.rewardId(), shard);
            }
            out.add(new Reward(r.platformId(), r.rewardId(), r.name(), r.points(), left, r.perUserLimit(),
                    r.activeFrom(), r.activeUntil(), r.version()));
        }
        return Json.write(out);
    }

    private static long remaining(final LedgerState state, final String collection, final String rewardId,
            final int shard) {
        return state.read(collection, Keys.stock(rewardId, shard), Quantity.class).map(Quantity::value).orElse(0L);
    }

    private static String instant(final String field, final String value) {
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw refusal(VALIDATION_FAILED, field + " '" + Ids.display(value) + "' must be an ISO-8601 instant");
        }
    }
}
