package org.pointsnet.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.probe.EventRing;
import tools.jackson.databind.json.JsonMapper;

class BlockEventListenerTest {

    /** Remembers handled blocks; fails once on a chosen block, as a database outage would. */
    private static final class RecordingHandler implements BlockHandler {
        final List<Long> handled = new CopyOnWriteArrayList<>();
        volatile long failOnceAt = -1;
        volatile long next;

        @Override
        public long nextBlock() {
            return next;
        }

        @Override
        public void handle(final long blockNumber, final List<TransactionEvent> events) {
            if (blockNumber == failOnceAt) {
                failOnceAt = -1;
                throw new IllegalStateException("database unavailable");
            }
            if (blockNumber == next) {
                handled.add(blockNumber);
                next = blockNumber + 1;
            }
        }
    }

    private final RecordingHandler handler = new RecordingHandler();
    private final EventRing ring = new EventRing(10);
    private final List<Long> openedAt = new CopyOnWriteArrayList<>();
    private BlockEventListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    /** A source whose every stream delivers blocks from its start up to {@code last}, then breaks. */
    private BlockEventListener listener(final long last) {
        final BlockSource source = start -> {
            openedAt.add(start);
            final List<Object> items = new ArrayList<>();
            for (long n = start; n <= last; n++) {
                items.add(TestBlocks.block(n, List.of(TestBlocks.Tx.valid("tx" + n, "Receipt", "{\"type\":\"ISSUE\"}"))));
            }
            items.add(new GatewayRuntimeException(Status.UNAVAILABLE.asRuntimeException()));
            return TestBlocks.stream(items.iterator());
        };
        return new BlockEventListener(source, handler, ring, JsonMapper.shared(), "points",
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @Test
    void handlesEveryBlockOnceAndReopensFromTheHandlersPosition() throws Exception {
        handler.next = 2;
        handler.failOnceAt = 4;
        listener = listener(6);
        listener.start();
        awaitHandled(5);

        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), handler.handled);
        // The first stream started at the stored position; after the failed block 4 it reopened at 4.
        assertEquals(2L, openedAt.get(0));
        assertEquals(4L, openedAt.get(1));
        assertEquals("tx2", ring.snapshot().get(0).txId());
        assertTrue(listener.isRunning());
        listener.close();
        assertFalse(listener.isRunning());
    }

    private void awaitHandled(final int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handler.handled.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, handler.handled.size(), "handled: " + handler.handled);
    }
}
