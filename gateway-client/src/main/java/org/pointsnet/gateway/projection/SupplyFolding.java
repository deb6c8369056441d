package org.pointsnet.gateway.projection;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.pointsnet.contract.ErrorCode;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Folds this gateway's platform's supply deltas into its supply total (account:FoldSupply, docs/ledger.md "Supply
 * deltas and folding"), so account:GetSupply, which every reconciliation evaluates, reads a bounded number of keys
 * instead of one per supply-changing transaction ever committed. Every {@code interval} it lists the unfolded deltas
 * (account:GetSupplyDeltas, at most {@link Limits#MAX_FOLD_DELTAS}) and folds them once there are at least
 * {@code minDeltas}; a full page is followed by another, up to {@link #MAX_FOLDS_PER_RUN}.
 *
 * <p>Only the holder of the org's listener lease folds, so the org's gateways do not race. Should two fold anyway,
 * nothing is counted twice: the request id is a hash of the deltas named, so the same list is the same request (the
 * loser's retry gets the winner's receipt), and a different list that names a delta already folded loses on MVCC
 * and is then refused NOT_FOUND, which here means "another gateway folded first". Counted as
 * {@code pointsnet_supply_folds_total{outcome}} and {@code pointsnet_supply_folded_deltas_total}.
 */
public final class SupplyFolding implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SupplyFolding.class);
    // 25 folds of 200: 5,000 deltas a run, 500 supply-changing transactions a second at the default 10 s interval.
    static final int MAX_FOLDS_PER_RUN = 25;

    private final LedgerClient ledger;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String platformId;
    private final BooleanSupplier leaseHolder;
    private final Duration interval;
    private final long minDeltas;
    private ScheduledExecutorService executor;
    private boolean lastFailed;

    /** One line of account:GetSupplyDeltas. */
    record Delta(String day, String txId, long delta) {
    }

    /**
     * @param leaseHolder whether this gateway holds its org's listener lease now
     * @param interval    positive
     * @param minDeltas   0..{@link Limits#MAX_FOLD_DELTAS}; 0: never fold
     */
    public SupplyFolding(final LedgerClient ledger, final ObjectMapper json, final MeterRegistry meters,
                         final String platformId, final BooleanSupplier leaseHolder, final Duration interval,
                         final long minDeltas) {
        if (interval.isNegative() || interval.isZero() || minDeltas < 0 || minDeltas > Limits.MAX_FOLD_DELTAS) {
            throw new IllegalArgumentException("interval must be positive and minDeltas 0.." + Limits.MAX_FOLD_DELTAS);
        }
        this.ledger = ledger;
        this.json = json;
        this.meters = meters;
        this.platformId = platformId;
        this.leaseHolder = leaseHolder;
        this.interval = interval;
        this.minDeltas = minDeltas;
    }

    /**
     * Folds while there are at least {@code minDeltas} unfolded deltas (at most {@link #MAX_FOLDS_PER_RUN} folds);
     * returns how many deltas this gateway folded. Called by the timer, and by tests.
     */
    public int run() {
        if (minDeltas == 0 || !leaseHolder.getAsBoolean()) {
            return 0;
        }
        int folded = 0;
        for (int fold = 0; fold < MAX_FOLDS_PER_RUN; fold++) {
            final List<Delta> deltas = unfolded();
            if (deltas.size() < minDeltas || deltas.isEmpty()) {
                break;
            }
            if (!fold(deltas)) {
                break;
            }
            folded += deltas.size();
            if (deltas.size() < Limits.MAX_FOLD_DELTAS) {
                break;
            }
        }
        return folded;
    }

    /** The platform's unfolded deltas, oldest first (none while the platform is not registered yet). */
    private List<Delta> unfolded() {
        try {
            return List.of(json.readValue(ledger.evaluate(LedgerFunction.GET_SUPPLY_DELTAS,
                new LedgerRequest.OfPlatform(platformId)), Delta[].class));
        } catch (ChaincodeRejectedException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isEmpty()) {
                throw e;
            }
            // A new network starts its gateways before their platforms register: nothing to fold yet.
            LOG.debug("supply folding: platform {} is not registered yet ({})", platformId, e.detail());
            return List.of();
        }
    }

    /** Submits one fold; false when another gateway folded some of these deltas first. */
    private boolean fold(final List<Delta> deltas) {
        final List<LedgerRequest.SupplyDelta> keys = new ArrayList<>();
        long sum = 0;
        for (final Delta d : deltas) {
            keys.add(new LedgerRequest.SupplyDelta(d.day(), d.txId()));
            sum = Math.addExact(sum, d.delta());
        }
        final String requestId = requestId(keys);
        try {
            final LedgerClient.Committed committed = ledger.submit(LedgerFunction.FOLD_SUPPLY,
                new LedgerRequest.FoldSupply(requestId, platformId, keys));
            count("folded");
            meters.counter("pointsnet.supply.folded.deltas").increment(deltas.size());
            LOG.info("folded {} supply deltas of platform {} (sum {}) into its supply total in tx {} (block {})",
                deltas.size(), platformId, sum, committed.txId(), committed.blockNumber());
            return true;
        } catch (ChaincodeRejectedException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isEmpty()) {
                throw e;
            }
            count("raced");
            // Folded by another gateway, or not yet committed on the peer that endorsed: the next run lists again.
            LOG.info("supply fold {} of platform {}: some of its {} deltas are gone, another gateway folded them "
                + "first? ({})", requestId, platformId, deltas.size(), e.detail());
            return false;
        }
    }

    /** The same deltas give the same request id (fold- and 40 hex digits of SHA-256 over them, in order). */
    static String requestId(final List<LedgerRequest.SupplyDelta> keys) {
        try {
            final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (final LedgerRequest.SupplyDelta key : keys) {
                sha256.update((key.day() + "\n" + key.txId() + "\n").getBytes(UTF_8));
            }
            return "fold-" + HexFormat.of().formatHex(sha256.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private void count(final String outcome) {
        meters.counter("pointsnet.supply.folds", "outcome", outcome).increment();
    }

    /** Starts the timer on its own daemon thread (not when folding is off). */
    public synchronized void start() {
        if (executor != null || minDeltas == 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "supply-folding");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(),
            TimeUnit.MILLISECONDS);
        LOG.info("supply folding: every {} s once at least {} deltas wait", interval.toSeconds(), minDeltas);
    }

    // An exception would cancel the schedule for good; a peer that is down fails every run: say so once.
    private void runSafely() {
        try {
            run();
            synchronized (this) {
                lastFailed = false;
            }
        } catch (RuntimeException e) {
            count("failed");
            final boolean first;
            synchronized (this) {
                first = !lastFailed;
                lastFailed = true;
            }
            if (first) {
                LOG.warn("supply folding failed: {}", e.getMessage());
            } else {
                LOG.debug("supply folding failed again: {}", e.getMessage());
            }
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
