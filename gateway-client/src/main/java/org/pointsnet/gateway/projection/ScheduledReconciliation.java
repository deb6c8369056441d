package org.pointsnet.gateway.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Reconciliation} by itself, so a difference is seen (log, metrics, readiness) without anyone asking:
 * at least every {@code interval}, and as soon as the projection has stored {@code everyBlocks} blocks since the last
 * run (0: on the interval only). A tick every second decides; a run that fails (peer down, ledger kept moving) is
 * logged and tried again at the next due time. Reconciliation itself logs and exports each result.
 */
public final class ScheduledReconciliation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReconciliation.class);
    static final Duration TICK = Duration.ofSeconds(1);

    private final Reconciliation reconciliation;
    private final ProjectionStore store;
    private final Clock clock;
    private final Duration interval;
    private final long everyBlocks;
    private ScheduledExecutorService executor;
    private Instant lastAttempt;
    private long lastAttemptBlock;
    private boolean lastFailed;

    /**
     * @param interval    positive: the longest time between two runs
     * @param everyBlocks at least 0: blocks stored since the last run that make a run due (0: none do)
     */
    public ScheduledReconciliation(final Reconciliation reconciliation, final ProjectionStore store, final Clock clock,
                                   final Duration interval, final long everyBlocks) {
        if (interval.isNegative() || interval.isZero() || everyBlocks < 0) {
            throw new IllegalArgumentException("interval must be positive and everyBlocks at least 0");
        }
        this.reconciliation = reconciliation;
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.everyBlocks = everyBlocks;
    }

    /** Whether a run is due at {@code now} with the projection's next block {@code nextBlock}. */
    synchronized boolean due(final Instant now, final long nextBlock) {
        if (lastAttempt == null) {
            return true;
        }
        if (!now.isBefore(lastAttempt.plus(interval))) {
            return true;
        }
        return everyBlocks > 0 && nextBlock - lastAttemptBlock >= everyBlocks;
    }

    /** Runs a reconciliation if one is due; returns whether it ran. Called by the timer, and by tests. */
    public boolean tick() {
        final long nextBlock;
        try {
            nextBlock = store.nextBlock();
        } catch (RuntimeException e) {
            LOG.debug("scheduled reconciliation: projection position unknown: {}", e.getMessage());
            return false;
        }
        final Instant now = clock.instant();
        synchronized (this) {
            if (!due(now, nextBlock)) {
                return false;
            }
            lastAttempt = now;
            lastAttemptBlock = nextBlock;
        }
        try {
            final Reconciliation.Report report = reconciliation.reconcile();
            if (lastFailedThenClear()) {
                LOG.info("scheduled reconciliation runs again: as of block {}, balanced {}", report.asOfBlock(),
                    report.balanced());
            }
        } catch (RuntimeException e) {
            // A peer that is down fails every run; say so once, not every interval.
            if (markFailed()) {
                LOG.warn("scheduled reconciliation failed: {}", e.getMessage());
            } else {
                LOG.debug("scheduled reconciliation failed again: {}", e.getMessage());
            }
        }
        return true;
    }

    private synchronized boolean lastFailedThenClear() {
        final boolean failed = lastFailed;
        lastFailed = false;
        return failed;
    }

    private synchronized boolean markFailed() {
        final boolean first = !lastFailed;
        lastFailed = true;
        return first;
    }

    /** Starts the timer on its own daemon thread. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "scheduled-reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tickSafely, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("scheduled reconciliation: every {} s{}", interval.toSeconds(),
            everyBlocks > 0 ? " and every " + everyBlocks + " blocks" : "");
    }

    // An exception would cancel the schedule for good.
    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("scheduled reconciliation tick failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
