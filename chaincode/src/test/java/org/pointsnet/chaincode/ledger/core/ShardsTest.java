package org.pointsnet.chaincode.ledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardsTest {
    @Test
    void capacitiesAddUpToTheTotal() {
        for (final long total : new long[] {0, 1, 15, 16, 17, 20, 1_000_003}) {
            long sum = 0;
            for (int i = 0; i < Shards.STOCK.count(); i++) {
                sum += Shards.STOCK.capacity(total, i);
            }
            assertEquals(total, sum, "total " + total);
        }
        assertEquals(2, Shards.STOCK.capacity(20, 3));
        assertEquals(1, Shards.STOCK.capacity(20, 4));
    }

    @Test
    void takesFromHomeThenMovesOnInOrder() {
        final long[] available = new long[Shards.STOCK.count()];
        available[14] = 2;
        available[15] = 1;
        available[0] = 5;
        assertEquals(List.of(new Shards.Take(14, 2), new Shards.Take(15, 1), new Shards.Take(0, 1)),
                Shards.STOCK.take(4, 14, s -> available[s]));
    }

    @Test
    void notEnoughAnywhereTakesNothing() {
        assertTrue(Shards.STOCK.take(3, 0, s -> s == 5 ? 2 : 0).isEmpty());
    }

    @Test
    void homeIsStableAndSpreads() {
        assertEquals(Shards.STOCK.home("user-1"), Shards.STOCK.home("user-1"));
        final boolean[] seen = new boolean[Shards.STOCK.count()];
        for (int i = 0; i < 200; i++) {
            seen[Shards.STOCK.home("user-" + i)] = true;
        }
        for (int s = 0; s < Shards.STOCK.count(); s++) {
            assertTrue(seen[s], "no user of 200 starts at shard " + s);
        }
    }

    @Test
    void quotaShardsGrowWithTheLimitWithinBounds() {
        assertEquals(16, Shards.forQuota(4_000).count());
        assertEquals(100, Shards.forQuota(100_000).count());
        assertEquals(4_096, Shards.forQuota(1_000_000_000L).count());
        long sum = 0;
        final Shards quota = Shards.forQuota(1_000_000_007L);
        for (int i = 0; i < quota.count(); i++) {
            sum += quota.capacity(1_000_000_007L, i);
        }
        assertEquals(1_000_000_007L, sum, "the shards of a quota add up to the limit exactly");
    }
}
