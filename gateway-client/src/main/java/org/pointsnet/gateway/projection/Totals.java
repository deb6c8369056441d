package org.pointsnet.gateway.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-platform totals ({@code platform_total}) while one block is stored: read once per platform, changed
 * receipt by receipt, written at the end in the block's transaction. A receipt that would overflow a total is not
 * applied at all, so it can be set aside instead of failing the block on every retry.
 */
final class Totals {

    private final JdbcClient jdbc;
    /** Platform → {supply, receipts}, as stored plus this block's receipts so far; only platforms they changed. */
    private final Map<String, long[]> current = new TreeMap<>();
    /** Platform → whether {@code platform_total} has its row already (UPDATE) or not (INSERT). */
    private final Map<String, Boolean> stored = new HashMap<>();

    Totals(final JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the receipt's postings and counts it for its platform; false (and nothing changed) on an overflow. */
    boolean tryApply(final Receipt receipt) {
        final Map<String, long[]> next = new HashMap<>();
        try {
            for (final Posting posting : receipt.postings()) {
                final long[] total = next.computeIfAbsent(posting.platformId(), p -> read(p).clone());
                total[0] = Math.addExact(total[0], posting.delta());
            }
            final long[] own = next.computeIfAbsent(receipt.platformId(), p -> read(p).clone());
            own[1] = Math.addExact(own[1], 1);
        } catch (ArithmeticException e) {
            return false;
        }
        current.putAll(next);
        return true;
    }

    /** Writes every total this block changed. */
    void write() {
        current.forEach((platform, total) -> {
            if (stored.get(platform)) {
                jdbc.sql("UPDATE platform_total SET supply = ?, receipts = ? WHERE platform_id = ?")
                    .params(total[0], total[1], platform).update();
            } else {
                jdbc.sql("INSERT INTO platform_total (platform_id, supply, receipts) VALUES (?, ?, ?)")
                    .params(platform, total[0], total[1]).update();
            }
        });
    }

    private long[] read(final String platform) {
        final long[] known = current.get(platform);
        if (known != null) {
            return known;
        }
        final long[] total = {0, 0};
        final boolean[] found = {false};
        jdbc.sql("SELECT supply, receipts FROM platform_total WHERE platform_id = ?").param(platform)
            .query(rs -> {
                total[0] = rs.getLong(1);
                total[1] = rs.getLong(2);
                found[0] = true;
            });
        stored.put(platform, found[0]);
        return total;
    }
}
