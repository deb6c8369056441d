package org.pointsnet.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChaincodeEventListenerTest {

    private final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
    private final EventRing ring = new EventRing(10);
    private final List<FakeStream> streams = new ArrayList<>();
    private final List<Checkpoint> openedAt = new CopyOnWriteArrayList<>();
    private ChaincodeEventListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private ChaincodeEventListener listener() {
        final ChaincodeEventSource source = checkpoint -> {
            openedAt.add(new Snapshot(checkpoint.getBlockNumber(), checkpoint.getTransactionId()));
            synchronized (streams) {
                return streams.remove(0);
            }
        };
        return new ChaincodeEventListener(source, checkpointer, ring, JsonMapper.shared(),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), "test chaincode");
    }

    @Test
    void recordsCheckpointsAndReconnectsAfterAStreamError() throws Exception {
        final FakeStream first = new FakeStream();
        first.events.add(event(5, "tx1", "{\"key\":\"a\",\"value\":\"1\"}"));
        first.events.add(event(6, "tx2", "not json"));
        first.events.add(new GatewayRuntimeException(Status.UNAVAILABLE.asRuntimeException()));
        final FakeStream second = new FakeStream();
        second.events.add(event(7, "tx3", "{\"key\":\"b\",\"value\":\"2\"}"));
        streams.add(first);
        streams.add(second);

        listener = listener();
        listener.start();
        awaitRingSize(3);

        final List<ChaincodeEventRecord> events = ring.snapshot();
        assertEquals(List.of("tx1", "tx2", "tx3"), events.stream().map(ChaincodeEventRecord::txId).toList());
        assertEquals("1", events.get(0).payload().get("value").asString());
        assertEquals("not json", events.get(1).payload().asString());
        assertEquals(7, events.get(2).blockNumber());
        assertEquals("ValueWritten", events.get(2).eventName());
        // The second stream resumed after the last event of the first one.
        assertEquals(2, openedAt.size());
        assertEquals(OptionalLong.of(6), openedAt.get(1).getBlockNumber());
        assertEquals(Optional.of("tx2"), openedAt.get(1).getTransactionId());
        // The checkpoint is written just after the event is added to the ring.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!checkpointer.getTransactionId().equals(Optional.of("tx3")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Optional.of("tx3"), checkpointer.getTransactionId());
    }

    @Test
    void closeCancelsTheOpenStreamAndEndsTheThread() throws Exception {
        final FakeStream stream = new FakeStream();
        streams.add(stream);
        listener = listener();
        listener.start();
        assertTrue(stream.opened.poll(5, TimeUnit.SECONDS) != null, "stream was not read");

        listener.close();

        assertTrue(stream.closed);
        assertFalse(listener.isRunning());
    }

    private void awaitRingSize(final int size) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ring.snapshot().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(size, ring.snapshot().size(), "events received: " + ring.snapshot());
    }

    private static ChaincodeEvent event(final long block, final String txId, final String payload) {
        return new ChaincodeEvent() {
            @Override
            public long getBlockNumber() {
                return block;
            }

            @Override
            public String getTransactionId() {
                return txId;
            }

            @Override
            public String getChaincodeName() {
                return "points";
            }

            @Override
            public String getEventName() {
                return "ValueWritten";
            }

            @Override
            public byte[] getPayload() {
                return payload.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private record Snapshot(OptionalLong getBlockNumber, Optional<String> getTransactionId) implements Checkpoint {
    }

    /** A stream that hands out queued events or errors and then blocks, like a live peer stream, until closed. */
    private static final class FakeStream implements CloseableIterator<ChaincodeEvent> {
        private static final Object CANCELLED = new Object();
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> opened = new LinkedBlockingQueue<>();
        volatile boolean closed;
        private Object next;

        @Override
        public boolean hasNext() {
            opened.offer(true);
            if (next == null) {
                try {
                    next = events.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    next = CANCELLED;
                }
            }
            if (next == CANCELLED) {
                throw new GatewayRuntimeException(Status.CANCELLED.asRuntimeException());
            }
            if (next instanceof RuntimeException e) {
                next = null;
                throw e;
            }
            return true;
        }

        @Override
        public ChaincodeEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            final ChaincodeEvent event = (ChaincodeEvent) next;
            next = null;
            return event;
        }

        @Override
        public void close() {
            closed = true;
            events.add(CANCELLED);
        }
    }
}
