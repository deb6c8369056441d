package org.pointsnet.chaincode.ledger.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A total (daily pair quota, reward stock) split over {@link #COUNT} keys so that concurrent users mostly touch
 * different keys. Shard i holds total/COUNT, plus one for the first total%COUNT shards: the shards add up to the
 * total exactly, so taking only what a shard has can never exceed the total.
 */
public final class Shards {
    /** Number of shards per split total. */
    public static final int COUNT = 16;

    /** An amount taken from one shard. */
    public record Take(int shard, long amount) {}

    private Shards() {}

    /** Capacity of shard {@code index} of {@code total}. */
    public static long capacity(final long total, final int index) {
        return total / COUNT + (index < total % COUNT ? 1 : 0);
    }

    /** The shard a user starts at: SHA-256 of the id (not String.hashCode: similar ids must not cluster). */
    public static int home(final String userId) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(UTF_8));
            return Math.floorMod(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), COUNT);
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
    public static List<Take> take(final long amount, final int home, final IntToLongFunction available) {
        final List<Take> takes = new ArrayList<>();
        long remaining = amount;
        for (int i = 0; i < COUNT && remaining > 0; i++) {
            final int shard = (home + i) % COUNT;
            final long here = Math.min(available.applyAsLong(shard), remaining);
            if (here > 0) {
                takes.add(new Take(shard, here));
                remaining -= here;
            }
        }
        return remaining == 0 ? List.copyOf(takes) : List.of();
    }
}
