package org.pointsnet.gateway.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the chaincode's events on a background thread, logs each, keeps it in the {@link EventRing} and then
 * checkpoints it, so a restart resumes after the last event processed (an event may be seen twice after a
 * crash, never lost). A broken stream is reopened from the checkpoint after a 1 s..30 s backoff.
 *
 * <p>With no checkpoint yet, the peer starts the stream at the next block: events committed before the first
 * connection are not replayed.
 */
public final class ChaincodeEventListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeEventListener.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final ChaincodeEventSource source;
    private final Checkpointer checkpointer;
    private final EventRing ring;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final String description;

    // Wakes a backoff pause on close. The thread is never interrupted: the FileCheckpointer's FileChannel is
    // interruptible, and an interrupt during a checkpoint write would close it and could truncate the file.
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile CloseableIterator<ChaincodeEvent> stream;
    private Thread thread;

    /**
     * @param description what is listened to, for the log (e.g. "chaincode 'points' on channel 'points'")
     */
    public ChaincodeEventListener(final ChaincodeEventSource source, final Checkpointer checkpointer,
                                  final EventRing ring, final ObjectMapper json, final Backoff backoff,
                                  final String description) {
        this.source = source;
        this.checkpointer = checkpointer;
        this.ring = ring;
        this.json = json;
        this.backoff = backoff;
        this.description = description;
    }

    /** Starts the listener thread; a second call does nothing. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "chaincode-events");
        // Daemon: a stuck gRPC read must never keep the JVM alive; close() still stops it in order.
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        final Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops the thread: closes the stream (which cancels the gRPC call) and waits for the thread to end. */
    @Override
    public void close() {
        final Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        stopping.countDown();
        // running is cleared before the stream is read, and run() publishes the stream before re-reading
        // running, so either this closes the stream or run() sees running == false and closes it itself.
        final CloseableIterator<ChaincodeEvent> current = stream;
        if (current != null) {
            current.close();
        }
        if (t == null) {
            return;
        }
        try {
            t.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("chaincode event listener did not stop within {} s", JOIN_TIMEOUT.toSeconds());
        } else {
            LOG.info("chaincode event listener stopped");
        }
    }

    private void run() {
        while (running) {
            try (CloseableIterator<ChaincodeEvent> events = source.open(checkpointer)) {
                stream = events;
                if (!running) {
                    break; // close() ran while the stream was being opened
                }
                LOG.info("opening the event stream of {} (resuming after block {} tx {})", description,
                    checkpointer.getBlockNumber().isPresent() ? checkpointer.getBlockNumber().getAsLong() : "(next)",
                    checkpointer.getTransactionId().orElse("(none)"));
                while (events.hasNext()) {
                    accept(events.next());
                    backoff.reset();
                }
                if (running) {
                    LOG.warn("chaincode event stream of {} ended", description);
                }
            } catch (GatewayRuntimeException e) {
                if (running) {
                    LOG.warn("chaincode event stream of {} failed: {}{}", description, e.getStatus().getCode(),
                        e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription());
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("chaincode event stream of {} failed", description, e);
                }
            } finally {
                stream = null;
            }
            if (running && !pause(backoff.next())) {
                break;
            }
        }
    }

    /** Waits {@code delay}; false if the listener is being closed. */
    private boolean pause(final Duration delay) {
        LOG.info("reconnecting the chaincode event stream in {} ms", delay.toMillis());
        try {
            return !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void accept(final ChaincodeEvent event) {
        final JsonNode payload = parsePayload(event.getPayload());
        final ChaincodeEventRecord record = new ChaincodeEventRecord(event.getBlockNumber(),
            event.getTransactionId(), event.getEventName(), payload);
        ring.add(record);
        LOG.info("chaincode event name={} block={} tx={} payload={}", printable(record.eventName()),
            record.blockNumber(), printable(record.txId()), json.writeValueAsString(payload));
        try {
            checkpointer.checkpointChaincodeEvent(event);
        } catch (IOException e) {
            // Keep going: the event is already delivered; a restart may show it once more.
            LOG.error("could not write the event checkpoint after block {} tx {}: {}", record.blockNumber(),
                record.txId(), e.getMessage());
        }
    }

    private JsonNode parsePayload(final byte[] payload) {
        try {
            final JsonNode node = json.readTree(payload);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JacksonException e) {
            // not JSON: kept as text below
        }
        return json.getNodeFactory().stringNode(new String(payload, StandardCharsets.UTF_8));
    }

    // Event names and tx ids come from the chaincode and the client: keep them to one log line.
    private static String printable(final String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }
}
