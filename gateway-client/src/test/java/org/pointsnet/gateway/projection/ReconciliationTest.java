package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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

class ReconciliationTest {

    private ProjectionStore store;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String onChain = "[{\"platformId\":\"platform-a\",\"supply\":600,\"balances\":600},"
        + "{\"platformId\":\"platform-b\",\"supply\":150,\"balances\":150}]";
    private final Deque<Long> heights = new ArrayDeque<>();
    private long lastHeight;

    private final LedgerClient ledger = new ReadOnlyLedger((function, request) -> {
        assertEquals("account:GetSupply", function.qualifiedName());
        return onChain;
    });

    @BeforeEach
    void projectionWithThreeBlocks() throws Exception {
        final TestMsps msps = TestMsps.shared();
        final DataSource data = TestDatabase.migratedH2();
        store = new ProjectionStore(JdbcClient.create(data),
            new TransactionTemplate(new DataSourceTransactionManager(data)), msps.admission(), meters);
        store.handle(0, List.of());
        store.handle(1, BlockEvents.of(TestBlocks.block(1, List.of(
            msps.receipt("t1", "ISSUE", "platform-a", "platform-a", "u", 900))), "points"));
        store.handle(2, BlockEvents.of(TestBlocks.block(2, List.of(
            msps.receipt("t2", "CONVERT", "platform-a", "platform-a", "u", -300, "platform-b", "u", 150))), "points"));
    }

    private Reconciliation reconciliation(final Duration catchUp) {
        final ChainHeight height = () -> {
            if (!heights.isEmpty()) {
                lastHeight = heights.poll();
            }
            return lastHeight;
        };
        return new Reconciliation(ledger, height, store, JsonMapper.shared(), meters, catchUp);
    }

    @Test
    void equalSuppliesAtTheSameHeightBalance() {
        lastHeight = 3;
        final Reconciliation.Report report = reconciliation(Duration.ofSeconds(1)).reconcile();

        assertTrue(report.balanced());
        assertEquals(2, report.asOfBlock());
        assertEquals(List.of(new Reconciliation.Line("platform-a", 600, 600, 0), new Reconciliation.Line("platform-b", 150, 150, 0)),
            report.platforms());
        assertEquals(0.0, meters.get("pointsnet.reconciliation.difference").tag("platform", "platform-a").gauge().value());
    }

    @Test
    void aDifferenceIsReportedAndExported() {
        lastHeight = 3;
        onChain = "[{\"platformId\":\"platform-a\",\"supply\":590},{\"platformId\":\"platform-b\",\"supply\":150}]";

        final Reconciliation.Report report = reconciliation(Duration.ofSeconds(1)).reconcile();

        assertFalse(report.balanced());
        assertEquals(new Reconciliation.Line("platform-a", 590, 600, 10), report.platforms().get(0));
        assertEquals(10.0, meters.get("pointsnet.reconciliation.difference").tag("platform", "platform-a").gauge().value());
    }

    @Test
    void aProjectionThatDoesNotCatchUpIsUnavailableNotAFalseAlarm() {
        lastHeight = 5;
        assertThrows(LedgerUnavailableException.class, () -> reconciliation(Duration.ofMillis(200)).reconcile());
    }

    @Test
    void aBlockCommittedDuringTheQueryIsComparedAgain() {
        // Height 3 before and 4 after the first query; then the chain stays at 4 and the projection catches up.
        heights.addAll(List.of(3L, 4L, 4L, 4L));
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.handle(3, List.of());
        }).start();

        final Reconciliation.Report report = reconciliation(Duration.ofSeconds(2)).reconcile();
        assertEquals(3, report.asOfBlock());
        assertTrue(report.balanced());
    }
}
