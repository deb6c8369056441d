package org.pointsnet.gateway.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pointsnet.gateway.events.BlockHandler;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The query projection of the chaincode's Receipt events in a SQL store (embedded H2 or PostgreSQL, same schema):
 * receipts, their postings, per-platform totals, and the block the stream resumes at. A block's rows and the move
 * of the resume position past it are one database transaction, so after a crash the listener resumes exactly at
 * the first block not stored: nothing is missed and nothing counted twice.
 */
public final class ProjectionStore implements BlockHandler {

    static final String RECEIPT_EVENT = "Receipt";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public ProjectionStore(final JdbcClient jdbc, final TransactionTemplate transactions, final ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public long nextBlock() {
        return jdbc.sql("SELECT next_block FROM projection_checkpoint WHERE id = 1").query(Long.class).single();
    }

    @Override
    public void handle(final long blockNumber, final List<ChaincodeEventRecord> events) {
        transactions.executeWithoutResult(status -> {
            final long next = jdbc.sql("SELECT next_block FROM projection_checkpoint WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
            if (blockNumber < next) {
                return; // delivered again after a reconnect: already stored
            }
            if (blockNumber > next) {
                throw new IllegalStateException("block " + blockNumber + " arrived while block " + next
                    + " is the next one to store; refusing to leave a gap");
            }
            final Map<String, long[]> totals = new TreeMap<>();
            for (final ChaincodeEventRecord event : events) {
                if (RECEIPT_EVENT.equals(event.eventName())) {
                    store(blockNumber, event, totals);
                }
            }
            totals.forEach(this::addToTotal);
            jdbc.sql("UPDATE projection_checkpoint SET next_block = ? WHERE id = 1").param(blockNumber + 1).update();
        });
    }

    /** Per platform, the supply replayed from every stored posting, with the resume position, read at once. */
    public Snapshot snapshot() {
        // One statement: a consistent view of the checkpoint and the totals without a serializable transaction.
        final Map<String, Long> supplies = new LinkedHashMap<>();
        final long[] next = {-1};
        jdbc.sql("SELECT c.next_block, t.platform_id, t.supply FROM projection_checkpoint c "
                + "LEFT JOIN platform_total t ON 1 = 1 WHERE c.id = 1 ORDER BY t.platform_id")
            .query(rs -> {
                next[0] = rs.getLong(1);
                final String platform = rs.getString(2);
                if (platform != null) {
                    supplies.put(platform, rs.getLong(3));
                }
            });
        return new Snapshot(next[0], Map.copyOf(supplies));
    }

    /** The projection at one moment: {@code nextBlock} is the first block not in {@code supplies}. */
    public record Snapshot(long nextBlock, Map<String, Long> supplies) {
    }

    private void store(final long blockNumber, final ChaincodeEventRecord event, final Map<String, long[]> totals) {
        final String txId = event.txId();
        final Integer seen = jdbc.sql("SELECT COUNT(*) FROM receipt WHERE tx_id = ?").param(txId)
            .query(Integer.class).single();
        if (seen > 0) {
            return; // the same transaction's event seen before: counted once
        }
        final JsonNode receipt = event.payload();
        jdbc.sql("INSERT INTO receipt (tx_id, block_number, type, request_id, platform_id, tx_timestamp, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(txId, blockNumber, text(receipt, "type"), text(receipt, "requestId"), text(receipt, "platformId"),
                text(receipt, "timestamp"), json.writeValueAsString(receipt))
            .update();
        int seq = 0;
        for (final JsonNode posting : receipt.path("postings")) {
            final String platform = text(posting, "platformId");
            final JsonNode delta = posting.path("delta");
            if (!delta.canConvertToExactIntegral() || !delta.canConvertToLong()) {
                throw new IllegalStateException("receipt " + txId + " has a posting whose delta is not a long: "
                    + delta);
            }
            jdbc.sql("INSERT INTO posting (tx_id, seq, platform_id, user_id, delta) VALUES (?, ?, ?, ?, ?)")
                .params(txId, seq++, platform, text(posting, "userId"), delta.asLong())
                .update();
            final long[] total = totals.computeIfAbsent(platform, p -> new long[2]);
            total[0] = Math.addExact(total[0], delta.asLong());
        }
        final long[] own = totals.computeIfAbsent(text(receipt, "platformId"), p -> new long[2]);
        own[1]++;
    }

    private void addToTotal(final String platformId, final long[] change) {
        final int updated = jdbc.sql("UPDATE platform_total SET supply = supply + ?, receipts = receipts + ? "
                + "WHERE platform_id = ?")
            .params(change[0], change[1], platformId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO platform_total (platform_id, supply, receipts) VALUES (?, ?, ?)")
                .params(platformId, change[0], change[1]).update();
        }
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.path(field);
        if (!value.isString()) {
            throw new IllegalStateException("receipt field '" + field + "' is missing or not text: " + node);
        }
        return value.asString();
    }
}
