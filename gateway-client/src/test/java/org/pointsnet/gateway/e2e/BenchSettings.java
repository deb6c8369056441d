package org.pointsnet.gateway.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What scripts/bench.sh asked for, from the environment: BENCH_MODE (full or short), BENCH_RUNS, BENCH_THREADS,
 * BENCH_TX (transactions per run), BENCH_WARMUP (unmeasured runs per workload first), BENCH_PATHS (rest,direct),
 * BENCH_WORKLOADS (probe,registration,issuance,transfer,conversion,redemption).
 */
record BenchSettings(String mode, int runs, int threads, int transactions, int warmups, List<String> paths,
                     List<String> workloads) {

    static final List<String> ALL_PATHS = List.of("rest", "direct");
    static final List<String> ALL_WORKLOADS = List.of("probe", "registration", "issuance", "transfer", "conversion",
        "redemption");

    static BenchSettings fromEnvironment() {
        return from(System.getenv());
    }

    static BenchSettings from(final Map<String, String> env) {
        final boolean isShort = "short".equals(env.getOrDefault("BENCH_MODE", "full"));
        final int threads = number(env, "BENCH_THREADS", isShort ? 8 : 32);
        return new BenchSettings(isShort ? "short" : "full",
            number(env, "BENCH_RUNS", isShort ? 1 : 3),
            threads,
            Math.max(threads, number(env, "BENCH_TX", isShort ? 16 : 192)),
            number(env, "BENCH_WARMUP", isShort ? 0 : 1, 0),
            list(env, "BENCH_PATHS", ALL_PATHS),
            list(env, "BENCH_WORKLOADS", ALL_WORKLOADS));
    }

    /** Transactions each client thread submits, one after another, per run. */
    int perThread() {
        return (transactions + threads - 1) / threads;
    }

    private static int number(final Map<String, String> env, final String name, final int fallback) {
        return number(env, name, fallback, 1);
    }

    private static int number(final Map<String, String> env, final String name, final int fallback, final int min) {
        final String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        final int n = Integer.parseInt(value.trim());
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
        return n;
    }

    private static List<String> list(final Map<String, String> env, final String name, final List<String> all) {
        final String value = env.get(name);
        if (value == null || value.isBlank()) {
            return all;
        }
        final List<String> chosen = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (final String item : chosen) {
            if (!all.contains(item)) {
                throw new IllegalArgumentException(name + ": unknown " + item + " (known: " + all + ")");
            }
        }
        // Keep the fixed order so the baseline (probe) is measured first.
        return all.stream().filter(chosen::contains).toList();
    }
}
