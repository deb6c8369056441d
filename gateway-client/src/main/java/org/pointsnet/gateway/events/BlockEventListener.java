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
 * <p>With a shared {@link ListenerLease} (several gateways of an org on one database) the thread reads blocks only
 * while this gateway holds the lease; a keeper thread renews it every {@code leaseCheck} and, when it is lost,
 * closes the stream, so the thread stands by until it gets the lease again.
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
    private final ListenerLease lease;
    private final Duration leaseCheck;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile CloseableIterator<Block> stream;
    private Thread thread;
    private Thread keeper;

    public BlockEventListener(final BlockSource source, final BlockHandler handler, final EventObserver observer,
                              final ObjectMapper json, final String chaincode, final Backoff backoff) {
        this(source, handler, observer, json, chaincode, backoff, ListenerLease.sole(), Duration.ofSeconds(1));
    }

    /** A listener that reads blocks only while it holds {@code lease}, checked every {@code leaseCheck}. */
    public BlockEventListener(final BlockSource source, final BlockHandler handler, final EventObserver observer,
                              final ObjectMapper json, final String chaincode, final Backoff backoff,
                              final ListenerLease lease, final Duration leaseCheck) {
        this.lease = lease;
        this.leaseCheck = leaseCheck;
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
        if (lease.shared()) {
            keeper = new Thread(this::keepLease, "listener-lease");
            keeper.setDaemon(true);
            keeper.start();
        }
    }

    /** Whether this gateway's listener reads blocks now (holds the lease) rather than standing by. */
    public boolean holdsLease() {
        return lease.held();
    }

    /** Whether other gateways of the org compete for the listener lease. */
    public boolean leaseShared() {
        return lease.shared();
    }

    /** Renews or takes the lease every {@code leaseCheck}; a lost lease closes the stream the thread reads. */
    private void keepLease() {
        do {
            final boolean was = lease.held();
            final boolean now = lease.tryAcquire();
            if (now && !was) {
                LOG.info("this gateway holds the listener lease: reading blocks");
            } else if (was && !now) {
                LOG.warn("listener lease lost: standing by");
                final CloseableIterator<Block> current = stream;
                if (current != null) {
                    current.close();
                }
            }
        } while (running && waitFor(leaseCheck));
        lease.close();
    }

    private boolean waitFor(final Duration delay) {
        try {
            return !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isRunning() {
        final Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops the thread: closes the stream (which cancels the gRPC call) and waits for the thread to end. */
    @Override
    public void close() {
        final Thread t;
        final Thread k;
        synchronized (this) {
            running = false;
            t = thread;
            k = keeper;
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
            if (k != null) {
                k.join(JOIN_TIMEOUT.toMillis());
            }
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
            if (!lease.held()) {
                // Standby: another gateway of the org reads the blocks; the keeper takes the lease when it is free.
                if (!waitFor(leaseCheck)) {
                    break;
                }
                continue;
            }
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
                while (lease.held() && blocks.hasNext()) {
                    accept(blocks.next());
                    backoff.reset();
                }
                if (running && lease.held()) {
                    LOG.warn("block stream ended");
                }
            } catch (GatewayRuntimeException e) {
                if (running && lease.held()) {
                    LOG.warn("block stream failed: {}{}", e.getStatus().getCode(),
                        e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription());
                }
            } catch (RuntimeException e) {
                if (running && lease.held()) {
                    LOG.warn("block stream or handling failed; resuming from the last handled block", e);
                }
            } finally {
                stream = null;
            }
            if (running && lease.held() && !pause(backoff.next())) {
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
        // Parsing each payload again and a structured log line per event were a tenth of a receipt-reading gateway's
        // listener samples (JFR, docs/benchmarks.md): done only when someone looks.
        if (observer == EventObserver.NONE && !LOG.isDebugEnabled()) {
            return;
        }
        for (final TransactionEvent transactionEvent : events) {
            if (!transactionEvent.readable()) {
                continue; // nothing to show; the handler accounts for it (the projection sets it aside)
            }
            final ChaincodeEventRecord event = transactionEvent.record(json);
            observer.observe(event);
            LOG.debug("chaincode event name={} block={} tx={} type={}", printable(event.eventName()), number,
                printable(event.txId()), printable(event.payload().path(Receipt.Fields.TYPE).asString("")));
        }
    }

    // Event names and tx ids come from the chaincode and the client: keep them to one log line.
    private static String printable(final String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }
}
