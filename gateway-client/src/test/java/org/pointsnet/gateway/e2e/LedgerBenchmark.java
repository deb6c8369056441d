package org.pointsnet.gateway.e2e;

import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.runConcurrently;
import static org.pointsnet.gateway.e2e.LedgerCalls.submit;
import static org.pointsnet.gateway.e2e.LedgerCalls.submitUntilNoConflict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Latency and throughput of ledger transactions on the live network, submit to commit. Reports medians and the ratio
 * to a baseline measured in the same run (the probe's single public write), so figures from a loaded or slower
 * machine stay comparable. Run by {@code scripts/bench.sh}; it asserts nothing about speed, only that every
 * measured transaction committed.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final int WARMUP = 5;
    private static final int SAMPLES = 40;
    private static final int CONCURRENT = 200;
    private static final int THREADS = 50;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private record Figures(String name, int n, double medianMs, double p90Ms) {
    }

    @Test
    void measure() throws Exception {
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        try (FabricConnection a = network.connect("platform-a", Role.CLIENT);
             FabricConnection adminA = network.connect("platform-a", Role.ADMIN);
             FabricConnection adminB = network.connect("platform-b", Role.ADMIN)) {
            LedgerCalls.registerPlatform(adminA, "platform-a");
            LedgerCalls.registerPlatform(adminB, "platform-b");

            final Figures probe = sequential("probe:PutValue (public key, MAJORITY)", a,
                i -> new String[] {"probe:PutValue", "bench-" + RUN + "-" + i, "v" + i});
            final Figures issue = sequential("account:Issue (platform's collection)", a,
                i -> new String[] {"account:Issue", json("requestId", "bench-issue-" + RUN + "-" + i,
                    "platformId", "platform-a", "userId", "bench-" + RUN + "-" + i, "amount", 1_000, "reason", "bench")});
            final Figures convert = sequential("conversion:Convert (two platforms)", a,
                i -> new String[] {"conversion:Convert", json("requestId", "bench-conv-" + RUN + "-" + i,
                    "userId", "bench-" + RUN + "-" + i, "fromPlatformId", "platform-a", "toPlatformId", "platform-b",
                    "amount", 100)});

            final List<String> users = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                users.add("bench-" + RUN + "-c" + i);
            }
            runConcurrently(users, u -> submit(a, "account:Issue", json("requestId", "bench-ci-" + u,
                "platformId", "platform-a", "userId", u, "amount", 1_000, "reason", "bench")).requireValid("issue"));
            final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            final long start = System.nanoTime();
            runConcurrently(users, u -> {
                final long t0 = System.nanoTime();
                submitUntilNoConflict(a, "conversion:Convert", json("requestId", "bench-cc-" + u, "userId", u,
                    "fromPlatformId", "platform-a", "toPlatformId", "platform-b", "amount", 100))
                    .outcome().requireValid("conversion");
                latencies.add((System.nanoTime() - t0) / 1e6);
            });
            final double seconds = (System.nanoTime() - start) / 1e9;
            report(probe, List.of(probe, issue, convert), CONCURRENT / seconds, percentile(latencies, 50));
        }
    }

    private static Figures sequential(final String name, final FabricConnection connection,
                                      final IntFunction<String[]> call) {
        final List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            final String[] fnAndArgs = call.apply(i);
            final long t0 = System.nanoTime();
            final LedgerCalls.Outcome outcome = fnAndArgs.length == 2
                ? submit(connection, fnAndArgs[0], fnAndArgs[1])
                : submitProbe(connection, fnAndArgs[1], fnAndArgs[2]);
            outcome.requireValid(name);
            if (i >= WARMUP) {
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return new Figures(name, SAMPLES, percentile(latencies, 50), percentile(latencies, 90));
    }

    private static LedgerCalls.Outcome submitProbe(final FabricConnection connection, final String key,
                                                   final String value) {
        return LedgerCalls.submitArgs(connection, "probe:PutValue", key, value);
    }

    private static double percentile(final List<Double> values, final int p) {
        final List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static void report(final Figures baseline, final List<Figures> all, final double tps,
                               final double concurrentMedian) throws IOException {
        final StringBuilder text = new StringBuilder()
            .append("| transaction (sequential, submit to commit) | n | median ms | p90 ms | median / baseline |\n")
            .append("|---|---|---|---|---|\n");
        for (final Figures f : all) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f |%n",
                f.name(), f.n(), f.medianMs(), f.p90Ms(), f.medianMs() / baseline.medianMs()));
        }
        text.append(String.format(Locale.ROOT, "%n%d concurrent conversions from %d client threads: %.1f tx/s, "
            + "median latency %.0f ms (%.2f × the sequential baseline median)%n",
            CONCURRENT, THREADS, tps, concurrentMedian, concurrentMedian / baseline.medianMs()));
        System.out.println(text);
        final Path out = Path.of("target", "benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
    }
}
