package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.Backoff;
import org.pointsnet.gateway.events.BlockEventListener;
import org.pointsnet.gateway.events.BlockSource;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.fabric.PlatformAvailability;
import org.pointsnet.gateway.fabric.Readiness;
import org.pointsnet.gateway.health.HealthController;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.support.TestMsps;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attack 6 end to end without a network: org B's peer commits VALID transactions whose Receipt events are malformed
 * or post on platform-a without A's endorsement. The listener must store every block once, move on, and leave the
 * gateway ready.
 */
class PoisonedBlocksListenerTest {

    private static final String A = "platform-a";
    private static final String B = "platform-b";

    private final List<Long> openedAt = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TestMsps msps;
    private ProjectionStore store;
    private BlockEventListener listener;

    @BeforeEach
    void projection() throws Exception {
        msps = TestMsps.shared();
        final DataSource data = TestDatabase.migratedH2();
        store = new ProjectionStore(JdbcClient.create(data),
            new TransactionTemplate(new DataSourceTransactionManager(data)), msps.admission(), meters);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private List<Block> poisonedChain() {
        final TestBlocks.Endorser onlyB = msps.peer(B);
        return List.of(
            TestBlocks.block(0, List.of(
                TestBlocks.Tx.valid("junk", "Receipt", "{\"type\":\"ISSUE\",\"postings\":[{\"delta\":\"lots\"}]}")
                    .endorsedBy(onlyB))),
            TestBlocks.block(1, List.of(msps.receipt("good1", "ISSUE", A, A, "u1", 100))),
            TestBlocks.block(2, List.of(
                TestBlocks.Tx.valid("forged", "Receipt", TestBlocks.receipt("forged", "ISSUE", A, A, "u1", 1_000_000))
                    .endorsedBy(onlyB),
                msps.receipt("good2", "CONVERT", A, A, "u1", -40, B, "u2", 80))));
    }

    /** Every stream serves the chain from its start, then breaks, as a peer restart would. */
    private BlockSource source(final List<Block> chain) {
        return start -> {
            openedAt.add(start);
            final List<Object> items = new ArrayList<>(chain.subList((int) Math.min(start, chain.size()), chain.size()));
            items.add(new GatewayRuntimeException(Status.UNAVAILABLE.asRuntimeException()));
            return TestBlocks.stream(items.iterator());
        };
    }

    @Test
    void poisonedBlocksAreStoredOnceTheBadEventsSetAsideAndTheGatewayStaysReady() throws Exception {
        listener = new BlockEventListener(source(poisonedChain()), store, event -> { }, JsonMapper.shared(),
            "points", new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        listener.start();
        awaitNextBlock(3);

        // No block was retried: every stream after the first one opened past the last block.
        assertEquals(0L, openedAt.get(0));
        assertTrue(openedAt.stream().skip(1).allMatch(start -> start == 3), "streams opened at " + openedAt);
        assertEquals(Map.of(A, 60L, B, 80L), store.snapshot().supplies());
        assertEquals(1.0, meters.get(ProjectionStore.SET_ASIDE_METRIC).tag("reason", "MALFORMED").counter().count());
        assertEquals(1.0, meters.get(ProjectionStore.SET_ASIDE_METRIC).tag("reason", "NOT_ENDORSED").counter().count());

        final ListenerProgress progress = new ListenerProgress(store, () -> 3L, 20);
        assertEquals(OptionalLong.of(0), progress.lagBlocks());
        final StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("listenerProgress", progress,
            "projectionStore", store));
        final HealthController health = new HealthController(Readiness::up,
            beans.getBeanProvider(ListenerProgress.class), beans.getBeanProvider(PlatformAvailability.class),
            beans.getBeanProvider(ProjectionStore.class), beans.getBeanProvider(Reconciliation.class),
            beans.getBeanProvider(BlockEventListener.class));
        final ResponseEntity<HealthController.HealthStatus> ready = health.ready();
        assertEquals(200, ready.getStatusCode().value());
        assertEquals("UP", ready.getBody().status());
        assertEquals(null, ready.getBody().reason());
        assertEquals("0 blocks behind the peer", ready.getBody().checks().get("listener").detail());
    }

    private void awaitNextBlock(final long next) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.nextBlock() < next && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(next, store.nextBlock());
    }
}
