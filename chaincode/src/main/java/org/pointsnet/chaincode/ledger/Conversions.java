package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.LIMIT_EXCEEDED;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.ExchangeRate;
import org.pointsnet.chaincode.ledger.core.FeeRule;
import org.pointsnet.chaincode.ledger.core.LimitRule;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.core.RateApproval;
import org.pointsnet.chaincode.ledger.core.Shards;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.model.Quote;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;

/** Pricing and limits of a conversion A→B, shared by Quote (evaluate) and Convert (submit). */
final class Conversions {
    private Conversions() {}

    /** Both sides must differ. */
    static void requireDistinct(final String from, final String to) {
        if (from.equals(to)) {
            throw refusal(VALIDATION_FAILED, "fromPlatformId and toPlatformId are both '" + from + "'");
        }
    }

    /**
     * Prices {@code amountIn} at the rules in force at {@code at}: agreed rate or unit values (each platform's
     * value-rule version in force), B's fee, A's per-tx limit.
     */
    static Quote price(final LedgerState state, final Platform from, final Platform to, final long amountIn,
            final Instant at) {
        final Optional<ExchangeRate> agreed = RateApproval.effective(
                rateSide(state, from.platformId(), from.platformId(), to.platformId()),
                rateSide(state, to.platformId(), from.platformId(), to.platformId()));
        final Valuation fromValue = PlatformValues.at(state, from, at);
        final Valuation toValue = PlatformValues.at(state, to, at);
        final ExchangeRate rate = Pricing.rate(fromValue, toValue, agreed);
        final FeeRule fee = feeRule(state, to.platformId()).orElse(null);
        final LimitRule limits = limitRule(state, from.platformId()).orElse(null);
        if (limits != null && limits.maxPerTransaction() != null && amountIn > limits.maxPerTransaction()) {
            throw refusal(LIMIT_EXCEEDED, "amount " + amountIn + " exceeds platform '" + from.platformId()
                    + "' maximum per conversion " + limits.maxPerTransaction());
        }
        return Pricing.quote(fromValue, toValue, amountIn, rate, fee, limits);
    }

    /**
     * Applies A's daily limits for {@code userId} converting {@code amountIn} to B: the per-user total (one key per
     * user and day) and the pair quota (sharded, so different users rarely touch the same key).
     */
    static void applyDailyLimits(final LedgerState state, final Platform from, final String toPlatformId,
            final String userId, final long amountIn, final Instant at) {
        final String collection = Keys.collection(from.platformId());
        final String day = Periods.day(at, from.timeZone());
        final LimitRule limits = limitRule(state, from.platformId()).orElse(null);

        final String userDayKey = Keys.userDay(day, userId);
        final long usedToday = state.read(collection, userDayKey, Quantity.class).map(Quantity::value).orElse(0L);
        final long afterUser = Amounts.add("daily conversions of '" + userId + "'", usedToday, amountIn);
        if (limits != null && limits.dailyPerUser() != null && afterUser > limits.dailyPerUser()) {
            throw refusal(LIMIT_EXCEEDED, "user '" + userId + "' would convert " + afterUser + " out of platform '"
                    + from.platformId() + "' on " + day + ", daily limit " + limits.dailyPerUser());
        }
        // Always counted, so a per-user limit set later in the day sees the whole day.
        state.write(collection, userDayKey, new Quantity(afterUser));

        final Optional<Long> pairLimit = limits == null ? Optional.empty() : limits.pairLimit(toPlatformId, day);
        if (pairLimit.isEmpty()) {
            return; // no pair limit: no quota keys read or written, so no contention at all
        }
        final long limit = pairLimit.get();
        final Shards quota = Shards.forQuota(limit);
        final List<Shards.Take> takes = quota.take(amountIn, quota.home(userId),
                shard -> quota.capacity(limit, shard) - used(state, collection, toPlatformId, day, shard));
        if (takes.isEmpty()) {
            throw refusal(LIMIT_EXCEEDED, "pair '" + from.platformId() + "' -> '" + toPlatformId
                    + "' has less than " + amountIn + " left of its daily limit " + limit + " on " + day);
        }
        for (final Shards.Take take : takes) {
            final long used = used(state, collection, toPlatformId, day, take.shard());
            state.write(collection, Keys.quota(toPlatformId, day, take.shard()),
                    new Quantity(Amounts.add("pair quota", used, take.amount())));
        }
    }

    static Optional<FeeRule> feeRule(final LedgerState state, final String platformId) {
        return state.read(Keys.collection(platformId), Keys.feeRule(), FeeRule.class);
    }

    static Optional<LimitRule> limitRule(final LedgerState state, final String platformId) {
        return state.read(Keys.collection(platformId), Keys.limitRule(), LimitRule.class);
    }

    /** The approval record of pair from → to kept in {@code sidePlatformId}'s collection. */
    static RateApproval rateSide(final LedgerState state, final String sidePlatformId, final String from,
            final String to) {
        return state.read(Keys.collection(sidePlatformId), Keys.rate(from, to), RateApproval.class).orElse(null);
    }

    private static long used(final LedgerState state, final String collection, final String toPlatformId,
            final String day, final int shard) {
        return state.read(collection, Keys.quota(toPlatformId, day, shard), Quantity.class).map(Quantity::value)
                .orElse(0L);
    }
}
