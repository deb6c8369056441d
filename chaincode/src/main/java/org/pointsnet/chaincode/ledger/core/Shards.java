package org.pointsnet.chaincode.ledger.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A total (daily pair quota, reward stock) split over {@code count} keys so that concurrent users mostly touch
 * different keys. Shard i holds total/count, plus one for the first total%count shards: the shards add up to the
 * total exactly, so taking only what a shard has can never exceed the total.
 *
 * @param count number of shards the total is split over
 */
public record Shards(int count) {
    /** Reward stock: small totals, and a sold-out shard only sends a redemption on to the next one. */
    public static final Shards STOCK = new Shards(16);

    private static final long QUOTA_UNITS_PER_SHARD = 1_000;
    private static final int QUOTA_MIN_SHARDS = 16;
    private static final int QUOTA_MAX_SHARDS = 4_096;

    public Shards {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be positive, got " + count);
        }
    }

    /**
     * The split of a daily pair quota: one shard per 1,000 units, 16 to 4,096 shards. Many shards keep concurrent
     * conversions of different users on different keys (conflicts fall roughly as 1/count); a floor of 1,000 units
     * per shard keeps an ordinary conversion within one shard, so it reads one key, not dozens. Depends only on the
     * limit, so every endorser and every later transaction of the day computes the same split.
     */
    public static Shards forQuota(final long dailyLimit) {
        return new Shards((int) Math.max(QUOTA_MIN_SHARDS,
                Math.min(QUOTA_MAX_SHARDS, dailyLimit / QUOTA_UNITS_PER_SHARD)));
    }

    /** An amount taken from one shard. */
    public record Take(int shard, long amount) {}

    /** Capacity of shard {@code index} of {@code total}. */
    public long capacity(final long total, final int index) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** The shard a user starts at: SHA-256 of the id (not String.hashCode: similar ids must not cluster). */
    public int home(final String userId) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(UTF_8));
            return Math.floorMod(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    /**
     * Takes {@code amount} starting at shard {@code home} and moving on in a fixed order, reading each shard's
     * availability only when needed (each read is a key the transaction then depends on).
     *
     * @return the takes, or an empty list when all shards together hold less than {@code amount}
     */
    public List<Take> take(final long amount, final int home, final IntToLongFunction available) {
        final List<Take> takes = new ArrayList<>();
        long remaining = amount;
        for (int i = 0; i < count && remaining > 0; i++) {
            final int shard = (home + i) % count;
            final long here = Math.min(available.applyAsLong(shard), remaining);
            if (here > 0) {
                takes.add(new Take(shard, here));
                remaining -= here;
            }
        }
        return remaining == 0 ? List.copyOf(takes) : List.of();
    }
}
