package org.pointsnet.gateway.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.pointsnet.contract.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the channel's committed blocks on a background thread from the handler's resume position, hands each
 * block's chaincode events to the {@link BlockHandler} and then to the {@link EventObserver}. A broken stream,
 * or a handler failure, reopens the stream from the handler's position after a 1 s..30 s backoff, so a block is
 * handled again only if its handling did not complete.
 *
 * <p>The log names block, transaction, event and receipt type only: payloads carry user ids.
 */
public final class BlockEventListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockEventListener.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final BlockSource source;
    private final BlockHandler handler;
    private final EventObserver observer;
    private final ObjectMapper json;
    private final String chaincode;
    private final Backoff backoff;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile CloseableIterator<Block> stream;
    private Thread thread;

    public BlockEventListener(final BlockSource source, final BlockHandler handler, final EventObserver observer,
                              final ObjectMapper json, final String chaincode, final Backoff backoff) {
        this.source = source;
        this.handler = handler;
        this.observer = observer;
        this.json = json;
        this.chaincode = chaincode;
        this.backoff = backoff;
    }

    /** Starts the listener thread; a second call does nothing. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "block-events");
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
        final CloseableIterator<Block> current = stream;
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
            LOG.warn("block event listener did not stop within {} s", JOIN_TIMEOUT.toSeconds());
        } else {
            LOG.info("block event listener stopped");
        }
    }

    private void run() {
        while (running) {
            final long start;
            try {
                start = handler.nextBlock();
            } catch (RuntimeException e) {
                LOG.warn("cannot read the projection's resume position: {}", e.getMessage());
                if (!pause(backoff.next())) {
                    break;
                }
                continue;
            }
            try (CloseableIterator<Block> blocks = source.open(start)) {
                stream = blocks;
                if (!running) {
                    break; // close() ran while the stream was being opened
                }
                LOG.info("reading blocks from block {}", start);
                while (blocks.hasNext()) {
                    accept(blocks.next());
                    backoff.reset();
                }
                if (running) {
                    LOG.warn("block stream ended");
                }
            } catch (GatewayRuntimeException e) {
                if (running) {
                    LOG.warn("block stream failed: {}{}", e.getStatus().getCode(),
                        e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription());
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("block stream or handling failed; resuming from the last handled block", e);
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
        LOG.info("reopening the block stream in {} ms", delay.toMillis());
        try {
            return !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void accept(final Block block) {
        final long number = block.getHeader().getNumber();
        final List<TransactionEvent> events = BlockEvents.of(block, chaincode);
        handler.handle(number, events);
        for (final TransactionEvent transactionEvent : events) {
            if (!transactionEvent.readable()) {
                continue; // nothing to show; the handler accounts for it (the projection sets it aside)
            }
            final ChaincodeEventRecord event = transactionEvent.record(json);
            observer.observe(event);
            LOG.info("chaincode event name={} block={} tx={} type={}", printable(event.eventName()), number,
                printable(event.txId()), printable(event.payload().path(Receipt.Fields.TYPE).asString("")));
        }
    }

    // Event names and tx ids come from the chaincode and the client: keep them to one log line.
    private static String printable(final String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }
}
