package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.BlockEvents;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.support.ReadOnlyLedger;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.support.TestMsps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The schedule (interval, every N blocks) on a hand-moved clock, against an H2 projection and a fake ledger. */
class ScheduledReconciliationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private final AtomicInteger supplyReads = new AtomicInteger();
    private volatile boolean peerDown;
    private volatile long supplyA = 900;
    private ProjectionStore store;
    private Reconciliation reconciliation;

    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }
    };

    private final LedgerClient ledger = new ReadOnlyLedger((function, request) -> {
        supplyReads.incrementAndGet();
        if (peerDown) {
            throw new LedgerUnavailableException("peer down", null, false, null);
        }
        return "[{\"platformId\":\"platform-a\",\"supply\":" + supplyA + "}]";
    });

    @BeforeEach
    void projectionWithTwoBlocks() throws Exception {
        final TestMsps msps = TestMsps.shared();
        final DataSource data = TestDatabase.migratedH2();
        store = new ProjectionStore(JdbcClient.create(data),
            new TransactionTemplate(new DataSourceTransactionManager(data)), msps.admission(), meters);
        store.handle(0, List.of());
        store.handle(1, BlockEvents.of(TestBlocks.block(1, List.of(
            msps.receipt("t1", "ISSUE", "platform-a", "platform-a", "u", 900))), "points"));
        // The chain is as high as the projection: reconciliation compares at once.
        reconciliation = new Reconciliation(ledger, store::nextBlock, store, JsonMapper.shared(), meters,
            Duration.ofSeconds(1), clock);
    }

    private ScheduledReconciliation schedule(final long everyBlocks) {
        return new ScheduledReconciliation(reconciliation, store, clock, INTERVAL, everyBlocks);
    }

    private void later(final Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void runsAtOnceThenOncePerInterval() {
        final ScheduledReconciliation scheduled = schedule(0);

        assertTrue(scheduled.tick(), "the first tick runs");
        assertFalse(scheduled.tick());
        later(INTERVAL.minusSeconds(1));
        assertFalse(scheduled.tick());
        later(Duration.ofSeconds(1));
        assertTrue(scheduled.tick(), "due when the interval has passed");
        assertEquals(2, supplyReads.get());
    }

    @Test
    void runsAsSoonAsEnoughBlocksWereStored() {
        final ScheduledReconciliation scheduled = schedule(2);
        assertTrue(scheduled.tick());

        store.handle(2, List.of());
        later(Duration.ofSeconds(1));
        assertFalse(scheduled.tick(), "one block is not enough");
        store.handle(3, List.of());
        assertTrue(scheduled.tick(), "two blocks since the last run");
        assertEquals(3, reconciliation.last().orElseThrow().asOfBlock());
    }

    @Test
    void theLastResultIsKeptAndExported() {
        schedule(0).tick();

        final Reconciliation.LastRun last = reconciliation.last().orElseThrow();
        assertEquals(new Reconciliation.LastRun(1, true, 0, now.get()), last);
        assertEquals(1.0, meters.get("pointsnet.reconciliation.block").gauge().value());
        assertEquals(now.get().getEpochSecond(),
            meters.get("pointsnet.reconciliation.last.success.timestamp").gauge().value());
        assertEquals(1.0, meters.get("pointsnet.reconciliation.runs").tag("outcome", "balanced").counter().count());
    }

    @Test
    void aDifferenceIsSeenWithoutAnyoneAsking() {
        supplyA = 890;
        schedule(0).tick();

        final Reconciliation.LastRun last = reconciliation.last().orElseThrow();
        assertFalse(last.balanced());
        assertEquals(10, last.difference());
        assertEquals(10.0, meters.get("pointsnet.reconciliation.difference").tag("platform", "platform-a").gauge()
            .value());
        assertEquals(1.0, meters.get("pointsnet.reconciliation.runs").tag("outcome", "difference").counter().count());
    }

    @Test
    void aFailedRunKeepsThePreviousResultAndIsTriedAgainWhenDue() {
        final ScheduledReconciliation scheduled = schedule(0);
        scheduled.tick();
        final Reconciliation.LastRun before = reconciliation.last().orElseThrow();

        peerDown = true;
        later(INTERVAL);
        assertTrue(scheduled.tick());
        assertEquals(before, reconciliation.last().orElseThrow());
        assertEquals(1.0, meters.get("pointsnet.reconciliation.runs").tag("outcome", "failed").counter().count());
        assertFalse(scheduled.tick(), "not again before the next due time");

        peerDown = false;
        later(INTERVAL);
        assertTrue(scheduled.tick());
        assertEquals(now.get(), reconciliation.last().orElseThrow().at());
    }

    @Test
    void theScheduleMustBeRunnable() {
        assertThrows(IllegalArgumentException.class,
            () -> new ScheduledReconciliation(reconciliation, store, clock, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new ScheduledReconciliation(reconciliation, store, clock, INTERVAL, -1));
    }

    @Test
    void theTimerRunsItByItself() throws Exception {
        try (ScheduledReconciliation scheduled = new ScheduledReconciliation(reconciliation, store,
            Clock.systemUTC(), INTERVAL, 0)) {
            scheduled.start();
            final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (reconciliation.last().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertTrue(reconciliation.last().isPresent(), "no run within 5 s of start");
    }
}
