package org.pointsnet.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.probe.EventRing;
import org.pointsnet.gateway.support.LocalPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listener lease on a real PostgreSQL (a throw-away server this class starts): one holder among the gateways
 * sharing the database, a standby taking over when the holder goes or loses its session, and two block listeners
 * of which only the holder reads blocks. Runs with the end-to-end classes (failsafe, tag network) because it needs
 * the PostgreSQL server binaries that {@code test-network.sh up} installs; it does not use the network.
 */
@Tag("network")
class AdvisoryLockLeaseIT {

    private static final Duration CHECK = Duration.ofMillis(200);
    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static AdvisoryLockLease lease() {
        return new AdvisoryLockLease(postgres::connect);
    }

    @Test
    void oneHolderAndTheStandbyTakesOverWhenItLetsGo() {
        try (AdvisoryLockLease first = lease(); AdvisoryLockLease second = lease()) {
            assertTrue(first.tryAcquire(), "the first gateway takes the free lease");
            assertFalse(second.tryAcquire(), "the second one stands by");
            assertTrue(first.tryAcquire(), "the holder confirms it");
            assertFalse(second.held());

            first.close();
            assertTrue(second.tryAcquire(), "the standby takes the lease once the holder's session is gone");
            assertFalse(first.tryAcquire(), "the former holder now stands by");
        }
    }

    @Test
    void aHolderWhoseSessionEndsLosesTheLease() throws Exception {
        try (AdvisoryLockLease first = lease(); AdvisoryLockLease second = lease();
             Connection admin = postgres.connect()) {
            assertTrue(first.tryAcquire());
            // What the database sees when the holder's process is killed or its connection is cut: the session ends.
            try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks "
                + "WHERE locktype = 'advisory' AND granted")) {
                try (ResultSet terminated = terminate.executeQuery()) {
                    assertTrue(terminated.next() && terminated.getBoolean(1), "the holder's session was found");
                }
            }
            assertTrue(second.tryAcquire(), "the standby takes the lease at once");
            assertFalse(first.tryAcquire(), "the former holder notices that its session is gone");
            assertFalse(first.held());
        }
    }

    /** A live block stream: delivers what is put in its queue, waits otherwise, ends when closed. */
    private static final class LiveStream implements CloseableIterator<Block> {
        private final BlockingQueue<Block> queue = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        @Override
        public boolean hasNext() {
            while (!closed) {
                if (!queue.isEmpty()) {
                    return true;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        @Override
        public Block next() {
            return queue.remove();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The shared projection: stores a block once, in order, and remembers which gateway stored it. */
    private static final class SharedProjection {
        final List<String> storedBy = new CopyOnWriteArrayList<>();
        volatile long next;

        synchronized void handle(final String gateway, final long number) {
            if (number == next) {
                storedBy.add(gateway);
                next = number + 1;
            }
        }
    }

    @Test
    void onlyTheHolderReadsBlocksAndTheStandbyResumesWhereTheHolderStopped() throws Exception {
        final SharedProjection projection = new SharedProjection();
        final List<LiveStream> streamsA = new CopyOnWriteArrayList<>();
        final List<LiveStream> streamsB = new CopyOnWriteArrayList<>();
        final BlockEventListener a = listener("a", projection, streamsA);
        final BlockEventListener b = listener("b", projection, streamsB);
        try {
            a.start();
            await(() -> a.holdsLease() && !streamsA.isEmpty(), "gateway a takes the lease and opens a stream");
            b.start();
            Thread.sleep(CHECK.toMillis() * 5);
            assertFalse(b.holdsLease(), "gateway b stands by");
            assertTrue(streamsB.isEmpty(), "a standby opens no block stream");

            for (long n = 0; n < 3; n++) {
                streamsA.get(streamsA.size() - 1).queue.add(TestBlocks.block(n, List.of()));
            }
            await(() -> projection.next == 3, "gateway a stores blocks 0..2");

            a.close(); // the holder goes away: its session, and with it the lock, ends
            await(() -> b.holdsLease() && !streamsB.isEmpty(), "gateway b takes over");
            for (long n = 3; n < 5; n++) {
                streamsB.get(streamsB.size() - 1).queue.add(TestBlocks.block(n, List.of()));
            }
            await(() -> projection.next == 5, "gateway b stores blocks 3..4");
            assertEquals(List.of("a", "a", "a", "b", "b"), projection.storedBy);
        } finally {
            a.close();
            b.close();
        }
    }

    private static BlockEventListener listener(final String name, final SharedProjection projection,
                                               final List<LiveStream> opened) {
        final BlockHandler handler = new BlockHandler() {
            @Override
            public long nextBlock() {
                return projection.next;
            }

            @Override
            public void handle(final long blockNumber, final List<TransactionEvent> events) {
                projection.handle(name, blockNumber);
            }
        };
        final BlockSource source = start -> {
            final LiveStream stream = new LiveStream();
            opened.add(stream);
            return stream;
        };
        return new BlockEventListener(source, handler, new EventRing(10), JsonMapper.shared(), "points",
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), lease(), CHECK);
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(20);
        }
    }
}
