package org.pointsnet.gateway.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Compares, per platform, the supply the projection replayed from events with the supply on the ledger, both at
 * the same block height: the on-chain supply is read while the peer's height stays put, and the projection is read
 * once it has stored exactly the blocks below that height. A difference is logged and exported as the gauge
 * {@code pointsnet_reconciliation_difference{platform}}. Every run, asked for or scheduled
 * ({@link ScheduledReconciliation}), is counted ({@code pointsnet_reconciliation_runs_total{outcome}}); the last
 * completed one is kept ({@link #last()}) and exported: {@code pointsnet_reconciliation_block} (as of which block) and
 * {@code pointsnet_reconciliation_last_success_timestamp_seconds} (when).
 */
public final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    static final int ATTEMPTS = 10;

    private final LedgerClient ledger;
    private final ChainHeight height;
    private final ProjectionStore store;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Duration catchUp;
    private final Clock clock;
    private final Map<String, AtomicLong> differences = new ConcurrentHashMap<>();
    private final AtomicReference<LastRun> last = new AtomicReference<>();

    public Reconciliation(final LedgerClient ledger, final ChainHeight height, final ProjectionStore store,
                          final ObjectMapper json, final MeterRegistry meters, final Duration catchUp) {
        this(ledger, height, store, json, meters, catchUp, Clock.systemUTC());
    }

    public Reconciliation(final LedgerClient ledger, final ChainHeight height, final ProjectionStore store,
                          final ObjectMapper json, final MeterRegistry meters, final Duration catchUp,
                          final Clock clock) {
        this.ledger = ledger;
        this.height = height;
        this.store = store;
        this.json = json;
        this.meters = meters;
        this.catchUp = catchUp;
        this.clock = clock;
        Gauge.builder("pointsnet.reconciliation.block", last, l -> l.get() == null ? -1 : l.get().asOfBlock())
            .description("the block as of which the last completed reconciliation compared supplies (-1: none yet)")
            .register(meters);
        Gauge.builder("pointsnet.reconciliation.last.success.timestamp", last,
                l -> l.get() == null ? 0 : l.get().at().toEpochMilli() / 1000.0)
            .description("when the last reconciliation completed (Unix time; 0: none yet)")
            .baseUnit("seconds")
            .register(meters);
    }

    /** One platform's line: supplies in the platform's smallest unit. */
    public record Line(String platformId, long onChainSupply, long replayedSupply, long difference) {
    }

    /** The comparison as of the state after block {@code asOfBlock}. */
    public record Report(long asOfBlock, boolean balanced, List<Line> platforms) {
    }

    /**
     * The last completed reconciliation, as readiness shows it.
     *
     * @param difference the sum over platforms of |replayed - on-chain| (0 exactly when balanced)
     * @param at         when it completed
     */
    public record LastRun(long asOfBlock, boolean balanced, long difference, Instant at) {
    }

    /** The last completed reconciliation; empty before the first. */
    public Optional<LastRun> last() {
        return Optional.ofNullable(last.get());
    }

    /** One line of {@code account:GetSupply}'s answer, as far as reconciliation reads it. */
    record Supply(String platformId, long supply) {
    }

    public Report reconcile() {
        final Report report;
        try {
            report = compare();
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
        count(report.balanced() ? "balanced" : "difference");
        final long difference = report.platforms().stream().mapToLong(l -> Math.abs(l.difference()))
            .reduce(0L, Math::addExact);
        last.set(new LastRun(report.asOfBlock(), report.balanced(), difference, clock.instant()));
        return report;
    }

    private void count(final String outcome) {
        meters.counter("pointsnet.reconciliation.runs", "outcome", outcome).increment();
    }

    private Report compare() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            final long before = height.current();
            final String supplyJson = ledger.evaluate(LedgerFunction.GET_SUPPLY, new LedgerRequest.OfPlatform(null));
            if (height.current() != before) {
                continue; // a block committed during the query: the supply may include it or not
            }
            final ProjectionStore.Snapshot snapshot = awaitProjection(before);
            if (snapshot.nextBlock() == before) {
                return report(before - 1, onChain(supplyJson), snapshot.supplies());
            }
            // The projection moved past the height while we waited: compare again at the new height.
        }
        throw new LedgerUnavailableException("the ledger kept moving during " + ATTEMPTS
            + " reconciliation attempts", null, false, null);
    }

    private ProjectionStore.Snapshot awaitProjection(final long targetNextBlock) {
        final long deadline = System.nanoTime() + catchUp.toNanos();
        while (true) {
            final ProjectionStore.Snapshot snapshot = store.snapshot();
            if (snapshot.nextBlock() >= targetNextBlock) {
                return snapshot;
            }
            if (System.nanoTime() > deadline) {
                throw new LedgerUnavailableException("the event projection is at block " + snapshot.nextBlock()
                    + ", behind the peer's height " + targetNextBlock + " for more than " + catchUp.toSeconds()
                    + " s", null, false, null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnavailableException("interrupted while waiting for the projection", null, false, e);
            }
        }
    }

    private Map<String, Long> onChain(final String supplyJson) {
        final Map<String, Long> supplies = new TreeMap<>();
        for (final Supply line : json.readValue(supplyJson, Supply[].class)) {
            supplies.put(line.platformId(), line.supply());
        }
        return supplies;
    }

    private Report report(final long asOfBlock, final Map<String, Long> onChain, final Map<String, Long> replayed) {
        final TreeMap<String, Long> platforms = new TreeMap<>(onChain);
        replayed.keySet().forEach(p -> platforms.putIfAbsent(p, 0L));
        final List<Line> lines = new ArrayList<>();
        boolean balanced = true;
        for (final String platform : platforms.keySet()) {
            final long chain = onChain.getOrDefault(platform, 0L);
            final long replay = replayed.getOrDefault(platform, 0L);
            final long difference = Math.subtractExact(replay, chain);
            lines.add(new Line(platform, chain, replay, difference));
            gauge(platform).set(difference);
            if (difference != 0) {
                balanced = false;
                LOG.warn("reconciliation difference for platform {} at block {}: replayed supply {} - on-chain "
                    + "supply {} = {}", platform, asOfBlock, replay, chain, difference);
            }
        }
        return new Report(asOfBlock, balanced, List.copyOf(lines));
    }

    private AtomicLong gauge(final String platform) {
        return differences.computeIfAbsent(platform, p -> {
            final AtomicLong value = new AtomicLong();
            Gauge.builder("pointsnet.reconciliation.difference", value, AtomicLong::get)
                .description("replayed supply minus on-chain supply at the last reconciliation")
                .tag("platform", p)
                .register(meters);
            return value;
        });
    }
}
