package org.pointsnet.gateway.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.pointsnet.gateway.events.BlockHandler;
import org.pointsnet.gateway.events.TransactionEvent;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query projection of the chaincode's Receipt events in a SQL store (embedded H2 or PostgreSQL, same schema):
 * receipts, their postings, per-platform totals, and the block the stream resumes at. A block's rows and the move
 * of the resume position past it are one database transaction, so after a crash the listener resumes exactly at
 * the first block not stored: nothing is missed and nothing counted twice.
 *
 * <p>Only receipts {@link ReceiptAdmission} accepts are projected. The others are set aside, in the same
 * transaction: recorded in {@code projection_set_aside}, counted in
 * {@code pointsnet_projection_events_set_aside_total{reason}}, and passed over, because retrying a block cannot
 * make its events any better and would stop the projection (and readiness) for good.
 */
public final class ProjectionStore implements BlockHandler {

    static final String SET_ASIDE_METRIC = "pointsnet.projection.events.set.aside";
    /** The sealed receipt payload's purpose (associated data). */
    public static final String PAYLOAD_PURPOSE = "receipt.payload";
    /** The blind-index purpose of a receipt's request id (a back end's Idempotency-Key may name a user). */
    static final String REQUEST_INDEX = "receipt.request_id";
    /** The sealed set-aside payload's purpose (associated data). */
    public static final String SET_ASIDE_PURPOSE = SetAsideStore.PURPOSE;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionStore.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReceiptAdmission admission;
    private final PersonalDataCipher cipher;
    private final SetAsideStore setAside;
    private final Map<SetAsideReason, Counter> setAsideCounts = new EnumMap<>(SetAsideReason.class);

    /** A store that seals with keys in memory only (tests). */
    public ProjectionStore(final JdbcClient jdbc, final TransactionTemplate transactions,
                           final ReceiptAdmission admission, final MeterRegistry meters) {
        this(jdbc, transactions, admission, meters, new PersonalDataCipher(PersonalDataKeyFile.ephemeral()));
    }

    public ProjectionStore(final JdbcClient jdbc, final TransactionTemplate transactions,
                           final ReceiptAdmission admission, final MeterRegistry meters,
                           final PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.admission = admission;
        this.cipher = cipher;
        this.setAside = new SetAsideStore(jdbc, cipher);
        // Every reason from the start at 0: an alert on increase() then sees the very first one.
        for (final SetAsideReason reason : SetAsideReason.values()) {
            setAsideCounts.put(reason, Counter.builder(SET_ASIDE_METRIC)
                .description("chaincode events the projection set aside (malformed or not endorsed by their platforms)")
                .tag("reason", reason.name())
                .register(meters));
        }
    }

    @Override
    public long nextBlock() {
        return jdbc.sql("SELECT next_block FROM projection_checkpoint WHERE id = 1").query(Long.class).single();
    }

    @Override
    public void handle(final long blockNumber, final List<TransactionEvent> events) {
        final List<SetAside> asideInBlock = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            asideInBlock.clear();
            final long next = jdbc.sql("SELECT next_block FROM projection_checkpoint WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
            if (blockNumber < next) {
                return; // delivered again after a reconnect: already stored
            }
            if (blockNumber > next) {
                throw new IllegalStateException("block " + blockNumber + " arrived while block " + next
                    + " is the next one to store; refusing to leave a gap");
            }
            final Totals totals = new Totals(jdbc);
            final Set<String> stored = stored(events);
            for (final TransactionEvent event : events) {
                // An unreadable event may have been a Receipt: it is set aside rather than ignored.
                if ((event.readable() && !Receipt.EVENT.equals(event.eventName())) || stored.contains(event.txId())) {
                    continue;
                }
                final SetAside aside = project(blockNumber, event, totals);
                if (aside != null) {
                    setAside.insert(aside);
                    asideInBlock.add(aside);
                }
            }
            totals.write();
            jdbc.sql("UPDATE projection_checkpoint SET next_block = ? WHERE id = 1").param(blockNumber + 1).update();
        });
        // Only once committed: a block rolled back is handled again and must not be counted twice.
        asideInBlock.forEach(this::report);
    }

    /** Stores the event's receipt, or returns why it is set aside. */
    private SetAside project(final long blockNumber, final TransactionEvent event, final Totals totals) {
        final Admission verdict = admission.check(event);
        if (!verdict.isAccepted()) {
            return new SetAside(blockNumber, event.txIndex(), event.txId(), verdict.reason(), verdict.detail(),
                event.payload());
        }
        final Receipt receipt = verdict.receipt();
        if (!totals.tryApply(receipt)) {
            return new SetAside(blockNumber, event.txIndex(), event.txId(), SetAsideReason.TOTAL_OVERFLOW,
                "a platform's replayed supply would overflow a signed 64-bit integer", event.payload());
        }
        // No user id in clear (docs/architecture.md, "Personal data at rest"): payload sealed, users by blind index.
        jdbc.sql("INSERT INTO receipt (tx_id, block_number, type, request_ref, platform_id, tx_timestamp, "
                + "payload_sealed) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(event.txId(), blockNumber, receipt.type(),
                cipher.blindIndex(REQUEST_INDEX, receipt.requestId()), receipt.platformId(), receipt.timestamp(),
                cipher.seal(PAYLOAD_PURPOSE, event.payload().toByteArray()))
            .update();
        int seq = 0;
        for (final Posting posting : receipt.postings()) {
            jdbc.sql("INSERT INTO posting (tx_id, seq, platform_id, user_ref, delta) VALUES (?, ?, ?, ?, ?)")
                .params(event.txId(), seq++, posting.platformId(), cipher.blindIndex(PersonalDataCipher.USER_INDEX,
                    posting.userId()), posting.delta())
                .update();
        }
        return null;
    }

    /**
     * The transactions among {@code events} whose receipts were stored before (delivered in another block), so each is
     * counted once; one query per block rather than one per event.
     */
    private Set<String> stored(final List<TransactionEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        final List<String> txIds = events.stream().map(TransactionEvent::txId).distinct().toList();
        return Set.copyOf(jdbc.sql("SELECT tx_id FROM receipt WHERE tx_id IN (:txIds)").param("txIds", txIds)
            .query(String.class).list());
    }

    private void report(final SetAside aside) {
        setAsideCounts.get(aside.reason()).increment();
        // The detail names platforms, MSPs and fields, never user ids; the payload stays in the table.
        LOG.warn("chaincode event set aside: block={} tx={} index={} reason={}: {}", aside.blockNumber(),
            aside.txId(), aside.txIndex(), aside.reason(), aside.detail());
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
}
