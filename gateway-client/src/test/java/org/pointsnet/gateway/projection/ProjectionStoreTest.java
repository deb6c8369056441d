package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.BlockEvents;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The projection on an in-memory H2 database migrated by the same Flyway scripts the gateway runs. */
class ProjectionStoreTest {

    private ProjectionStore store;
    private JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        final DataSource data = TestDatabase.migratedH2();
        jdbc = JdbcClient.create(data);
        store = new ProjectionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)),
            JsonMapper.shared());
    }

    private static List<ChaincodeEventRecord> events(final long number, final TestBlocks.Tx... txs) {
        return BlockEvents.of(TestBlocks.block(number, List.of(txs)), "points", JsonMapper.shared());
    }

    private static TestBlocks.Tx receipt(final String txId, final String type, final String platform,
                                         final Object... postings) {
        return TestBlocks.Tx.valid(txId, "Receipt", TestBlocks.receipt(txId, type, platform, postings));
    }

    @Test
    void startsAtBlockZeroAndTotalsEqualTheSumOfPostings() {
        assertEquals(0, store.nextBlock());
        store.handle(0, List.of());
        store.handle(1, events(1, receipt("t1", "ISSUE", "a", "a", "u1", 1000),
            TestBlocks.Tx.valid("p1", "ValueWritten", "{\"key\":\"k\"}")));
        store.handle(2, events(2, receipt("t2", "CONVERT", "a", "a", "u1", -300, "b", "u1", 150),
            receipt("t3", "BURN", "a", "a", "u1", -100)));

        assertEquals(3, store.nextBlock());
        assertEquals(Map.of("a", 600L, "b", 150L), store.snapshot().supplies());
        assertEquals(3, store.snapshot().nextBlock());
        assertEquals(4, jdbc.sql("SELECT COUNT(*) FROM posting").query(Integer.class).single());
        assertEquals(600, jdbc.sql("SELECT SUM(delta) FROM posting WHERE platform_id = 'a'").query(Long.class)
            .single());
    }

    @Test
    void aBlockDeliveredAgainCountsOnce() {
        final List<ChaincodeEventRecord> block = events(0, receipt("t1", "ISSUE", "a", "a", "u1", 10));
        store.handle(0, block);
        store.handle(0, block);

        assertEquals(Map.of("a", 10L), store.snapshot().supplies());
        assertEquals(1, store.nextBlock());
    }

    @Test
    void theSameTransactionInAnotherBlockCountsOnce() {
        store.handle(0, events(0, receipt("t1", "ISSUE", "a", "a", "u1", 10)));
        store.handle(1, events(1, receipt("t1", "ISSUE", "a", "a", "u1", 10)));

        assertEquals(Map.of("a", 10L), store.snapshot().supplies());
        assertEquals(2, store.nextBlock());
    }

    @Test
    void aFailureMidBlockLeavesNothingAndTheResumePositionUnchanged() {
        store.handle(0, events(0, receipt("t1", "ISSUE", "a", "a", "u1", 10)));
        // The second receipt of block 1 is malformed: the first one's rows must not stay behind.
        final List<ChaincodeEventRecord> broken = events(1, receipt("t2", "ISSUE", "a", "a", "u2", 5),
            TestBlocks.Tx.valid("t3", "Receipt", "{\"type\":\"ISSUE\",\"postings\":[]}"));

        assertThrows(IllegalStateException.class, () -> store.handle(1, broken));

        assertEquals(1, store.nextBlock());
        assertEquals(Map.of("a", 10L), store.snapshot().supplies());
        assertEquals(0, jdbc.sql("SELECT COUNT(*) FROM receipt WHERE tx_id = 't2'").query(Integer.class).single());
    }

    @Test
    void aGapIsRefused() {
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.handle(5, List.of()));
        assertEquals("block 5 arrived while block 0 is the next one to store; refusing to leave a gap",
            e.getMessage());
        assertEquals(0, store.nextBlock());
    }

    @Test
    void anOverflowingTotalFailsInsteadOfWrapping() {
        store.handle(0, events(0, receipt("t1", "ISSUE", "a", "a", "u1", Long.MAX_VALUE)));
        assertThrows(RuntimeException.class,
            () -> store.handle(1, events(1, receipt("t2", "ISSUE", "a", "a", "u2", 1))));
        assertEquals(1, store.nextBlock());
        assertEquals(Map.of("a", Long.MAX_VALUE), store.snapshot().supplies());
    }
}
