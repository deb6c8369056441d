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
             FabricConnection adminA = network.connect("platform-a", Role.OPERATOR);
             FabricConnection adminB = network.connect("platform-b", Role.OPERATOR)) {
            LedgerCalls.registerPlatform(adminA, "platform-a");
            LedgerCalls.registerPlatform(adminB, "platform-b");

            final Figures probe = sequential("probe:PutValue (public key, MAJORITY)",
                i -> LedgerCalls.submitArgs(a, "probe:PutValue", "bench-" + RUN + "-" + i, "v" + i)
                    .requireValid("probe"));
            // Only registered ids receive points: registering them is a measured call of its own.
            final Figures register = sequential("user:Register (platform's collection)",
                i -> LedgerCalls.registerUser(a, "platform-a.bench-" + RUN + "-" + i));
            final Figures issue = sequential("account:Issue (platform's collection)",
                i -> submit(a, "account:Issue", json("requestId", "bench-issue-" + RUN + "-" + i,
                    "platformId", "platform-a", "userId", "platform-a.bench-" + RUN + "-" + i, "amount", 1_000,
                    "reason", "bench")).requireValid("issue"));
            final Figures convert = sequential("conversion:Convert (two platforms)",
                i -> submit(a, "conversion:Convert", json("requestId", "bench-conv-" + RUN + "-" + i,
                    "userId", "platform-a.bench-" + RUN + "-" + i, "fromPlatformId", "platform-a", "toPlatformId", "platform-b",
                    "amount", 100)).requireValid("conversion"));

            // The same issuance through the REST gateway: HTTP, token validation, input checks, then the ledger.
            final ApiClient rest = ApiNetwork.clients().get("platform-a");
            final Figures token = sequential("POST /oauth2/token (client_credentials)",
                i -> rest.oauth().token(rest.gateway().clientId(), rest.gateway().clientSecret()));
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                LedgerCalls.registerUser(a, "platform-a.bench-" + RUN + "-r" + i);
            }
            final Figures restIssue = sequential("POST /api/v1/issuances (REST, bearer token)", i -> {
                final var response = rest.post("/api/v1/issuances", "bench-rest-" + RUN + "-" + i,
                    "{\"userId\":\"platform-a.bench-" + RUN + "-r" + i + "\",\"amount\":1000}");
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("REST issuance failed: " + response.body());
                }
            });

            final List<String> users = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                users.add("platform-a.bench-" + RUN + "-c" + i);
            }
            runConcurrently(users, u -> LedgerCalls.registerUser(a, u));
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
            report(probe, List.of(probe, register, issue, convert, token, restIssue), CONCURRENT / seconds, percentile(latencies, 50));
        }
    }

    /** One measured call; {@code i} numbers the calls so each has its own ids. */
    private interface Step {
        void run(int i) throws Exception;
    }

    private static Figures sequential(final String name, final Step step) throws Exception {
        final List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            final long t0 = System.nanoTime();
            step.run(i);
            if (i >= WARMUP) {
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return new Figures(name, SAMPLES, percentile(latencies, 50), percentile(latencies, 90));
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
            .append("| call (sequential; transactions submit to commit) | n | median ms | p90 ms | median / baseline |\n")
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
