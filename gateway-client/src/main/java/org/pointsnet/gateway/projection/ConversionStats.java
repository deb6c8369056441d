package org.pointsnet.gateway.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversions over time per pair, counted from the projection's CONVERT receipts: the first posting of a conversion
 * debits the user on the source platform, the second credits the target (chaincode {@code conversion:Convert}).
 * Reads only postings and receipt times, never a user or a sealed payload.
 */
public final class ConversionStats {

    /** How wide one bucket is: the first characters of the ISO-8601 transaction time that it keeps. */
    public enum Bucket {
        /** {@code 2026-11-30T20:15}. */
        MINUTE(16),
        /** {@code 2026-11-30T20}. */
        HOUR(13),
        /** {@code 2026-11-30}. */
        DAY(10);

        private final int length;

        Bucket(final int length) {
            this.length = length;
        }
    }

    /** One pair in one bucket: how many conversions, the points they took in and paid out. */
    public record Point(String fromPlatformId, String toPlatformId, String bucket, long conversions, long amountIn,
                        long amountOut) {
    }

    private final JdbcClient jdbc;

    public ConversionStats(final JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every bucket of every pair with {@code platformId} on one side, oldest first; at most {@code limit} rows. */
    public List<Point> of(final String platformId, final Bucket bucket, final int limit) {
        final List<Point> points = new ArrayList<>();
        // SUBSTRING(s, start, length) reads the same in H2 and PostgreSQL. The length is the enum's constant, not
        // input, and written out: PostgreSQL groups by an expression only when SELECT has the very same one.
        final String time = "SUBSTRING(r.tx_timestamp, 1, " + bucket.length + ")";
        jdbc.sql("SELECT f.platform_id, t.platform_id, " + time + " AS bucket, COUNT(*), "
                + "SUM(-f.delta), SUM(t.delta) FROM receipt r "
                + "JOIN posting f ON f.tx_id = r.tx_id AND f.seq = 0 "
                + "JOIN posting t ON t.tx_id = r.tx_id AND t.seq = 1 "
                + "WHERE r.type = 'CONVERT' AND (f.platform_id = ? OR t.platform_id = ?) "
                + "GROUP BY f.platform_id, t.platform_id, " + time + " "
                + "ORDER BY 3, 1, 2")
            .params(platformId, platformId)
            .query(rs -> {
                if (points.size() < limit) {
                    points.add(new Point(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)));
                }
            });
        return points;
    }
}
