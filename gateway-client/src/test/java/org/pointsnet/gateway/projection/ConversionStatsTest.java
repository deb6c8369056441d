package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Conversions per pair and bucket, counted from the projection's tables as the gateway's migrations create them. */
class ConversionStatsTest {

    private JdbcClient jdbc;
    private ConversionStats stats;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(TestDatabase.migratedH2());
        stats = new ConversionStats(jdbc);
    }

    private void receipt(final String txId, final String type, final String at, final long... deltas) {
        jdbc.sql("INSERT INTO receipt (tx_id, block_number, type, request_ref, platform_id, tx_timestamp, "
                + "payload_sealed) VALUES (?, 1, ?, 'ref', 'platform-a', ?, 'sealed')")
            .params(txId, type, at).update();
        final String[] platforms = {"platform-a", "platform-b", "platform-b"};
        for (int i = 0; i < deltas.length; i++) {
            jdbc.sql("INSERT INTO posting (tx_id, seq, platform_id, user_ref, delta) VALUES (?, ?, ?, 'u', ?)")
                .params(txId, i, txId.startsWith("ca") ? "platform-c" : platforms[i], deltas[i]).update();
        }
    }

    @Test
    void countsEachPairPerBucketFromConversionsOnly() {
        receipt("t1", "CONVERT", "2026-11-30T20:15:01.5Z", -100, 48, 2);
        receipt("t2", "CONVERT", "2026-11-30T20:15:40Z", -50, 25);
        receipt("t3", "CONVERT", "2026-11-30T20:16:02Z", -10, 5);
        receipt("t4", "ISSUE", "2026-11-30T20:15:03Z", 1000);

        assertEquals(List.of(
                new ConversionStats.Point("platform-a", "platform-b", "2026-11-30T20:15", 2, 150, 73),
                new ConversionStats.Point("platform-a", "platform-b", "2026-11-30T20:16", 1, 10, 5)),
            stats.of("platform-a", ConversionStats.Bucket.MINUTE, 100));
        assertEquals(List.of(new ConversionStats.Point("platform-a", "platform-b", "2026-11-30T20", 3, 160, 78)),
            stats.of("platform-b", ConversionStats.Bucket.HOUR, 100));
        assertEquals(1, stats.of("platform-a", ConversionStats.Bucket.MINUTE, 1).size(), "limit");
    }

    @Test
    void showsOnlyPairsTheCallerIsOnASideOf() {
        receipt("ca1", "CONVERT", "2026-11-30T20:15:01Z", -100, 50);
        assertEquals(List.of(), stats.of("platform-a", ConversionStats.Bucket.DAY, 100));
        assertEquals(1, stats.of("platform-c", ConversionStats.Bucket.DAY, 100).size());
    }
}
