package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.runConcurrently;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Throughput, latency percentiles, outcome counts and CPU ms per committed transaction of every node process, for a
 * bare write of a fresh key (probe:PutValue, directly only: the baseline of both paths), a user's registration,
 * issuance, transfer, conversion and redemption, each through REST (platform-a's gateway, HTTPS) and directly through fabric-gateway as platform-a's client, at a fixed number of client threads
 * (issue 12). Every workload is warmed up first, then measured in rounds of one run each, so the baseline's runs
 * are spread over the same minutes as the others'. Run by {@code scripts/bench.sh}, configured by {@link BenchSettings}; it asserts nothing about speed,
 * only that every transaction committed and the report was written.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String A = "platform-a";
    private static final String B = "platform-b";
    private static final int MAX_ATTEMPTS = 10;
    private static final long FUNDS = 1_000_000_000L;
    private static final long PROGRESS_SECONDS = 5;

    /** One transaction: {@code thread} picks the thread's own users, {@code seq} makes its ids unique. */
    private interface Tx {
        /** Submits and waits for the commit; returns how many attempts conflicted first. */
        int submit(int thread, int seq) throws Exception;
    }

    private BenchSettings settings;
    private FabricConnection client;
    private ApiClient rest;
    private FabricConnection operator;

    @Test
    void measure() throws Exception {
        settings = BenchSettings.fromEnvironment();
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        final NodeCpu cpu = new NodeCpu(ApiNetwork.runtime());
        final String loadBefore = loadAverage();
        try (FabricConnection a = network.connect(A, Role.CLIENT);
             FabricConnection adminA = network.connect(A, Role.OPERATOR);
             FabricConnection adminB = network.connect(B, Role.OPERATOR)) {
            LedgerCalls.registerPlatform(adminA, A);
            LedgerCalls.registerPlatform(adminB, B);
            client = a;
            operator = adminA;
            rest = ApiNetwork.clients().get(A);
            final Map<Case, Tx> cases = new LinkedHashMap<>();
            for (final String path : settings.paths()) {
                for (final String workload : settings.workloads()) {
                    if ("rest".equals(path) && "probe".equals(workload)) {
                        // The probe's REST endpoint is off on the network (admin only when on): the bare write is
                        // measured directly, and it is the baseline of both paths' ratios.
                        continue;
                    }
                    cases.put(new Case(path, workload), prepare(path, workload));
                }
            }
            // Warm-up runs first (JIT of freshly started gateways and chaincode servers), not reported.
            for (int w = 0; w < settings.warmups(); w++) {
                for (final Map.Entry<Case, Tx> c : cases.entrySet()) {
                    measureRun(c.getKey() + " warm-up " + (w + 1) + "/" + settings.warmups(), settings.runs() + w,
                        c.getValue(), cpu);
                }
            }
            // Rounds, each measuring every workload once: a machine that slows down during the benchmark (another
            // tenant, a growing ledger) slows the baseline's runs too, so the ratios stay comparable.
            final Map<Case, List<BenchRun>> runs = new LinkedHashMap<>();
            for (int run = 0; run < settings.runs(); run++) {
                for (final Map.Entry<Case, Tx> c : cases.entrySet()) {
                    runs.computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                        .add(measureRun(c.getKey() + " run " + (run + 1) + "/" + settings.runs(), run, c.getValue(), cpu));
                }
            }
            final List<BenchReport.Row> rows = new ArrayList<>();
            runs.forEach((c, measured) -> rows.add(new BenchReport.Row(c.path(), c.workload(), measured)));
            final String machine = String.format(Locale.ROOT, "%d CPU cores; load average (1, 5, 15 min) %s before, "
                + "%s after", Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
            System.out.println(BenchReport.write(settings, rows, machine));
            assertTrue(Files.size(Path.of("target", "benchmark.json")) > 0, "benchmark.json was written");
            for (final BenchReport.Row row : rows) {
                final int expected = settings.runs() * settings.threads() * settings.perThread();
                assertEquals(expected, row.total(BenchRun::committed),
                    row.path() + " " + row.workload() + ": every transaction commits (see target/benchmark.md)");
            }
        }
    }

    /** One row of the report: a workload through one path. */
    private record Case(String path, String workload) {
        @Override
        public String toString() {
            return path + " " + workload;
        }
    }

    /** Funds the users a workload spends from (not measured) and returns the transaction it measures. */
    private Tx prepare(final String path, final String workload) throws Exception {
        final boolean viaRest = "rest".equals(path);
        final String prefix = "b" + RUN + path.charAt(0) + workload.substring(0, 3);
        final boolean spends = !"probe".equals(workload) && !"registration".equals(workload);
        final List<String> senders = spends ? users(viaRest, prefix + "s") : List.of();
        final List<String> receivers = "transfer".equals(workload) ? users(viaRest, prefix + "r") : List.of();
        if ("transfer".equals(workload) || "conversion".equals(workload) || "redemption".equals(workload)) {
            final List<Integer> threads = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                threads.add(t);
            }
            System.out.println("[bench] " + path + " " + workload + ": funding " + threads.size() + " users");
            runConcurrently(threads.stream().map(String::valueOf).toList(), t -> {
                final String user = senders.get(Integer.parseInt(t));
                if (viaRest) {
                    rest(prefix + "f" + t, "/api/v1/issuances", "{\"userId\":\"" + user + "\",\"amount\":" + FUNDS + "}");
                } else {
                    direct("account:Issue", json("requestId", prefix + "f" + t, "platformId", A, "userId", user,
                        "amount", FUNDS, "reason", "bench"));
                }
            });
        }
        if ("redemption".equals(workload)) {
            // A reward per thread (stock for every run, no per-user limit): threads never compete for stock shards,
            // as their users never compete for balances, so the workload measures the redemption itself.
            for (int t = 0; t < settings.threads(); t++) {
                LedgerCalls.submit(operator, "reward:PutReward", json("requestId", prefix + "rw" + t, "platformId", A,
                    "rewardId", prefix + "rw" + t, "name", "Bench reward", "points", 10, "stock", FUNDS))
                    .requireValid("adding a bench reward");
            }
        }
        return switch (workload) {
            case "probe" -> (t, i) -> probe(prefix + t + "-" + i, "v" + i);
            case "registration" -> viaRest
                ? (t, i) -> rest(prefix + t + "-" + i, "/api/v1/users",
                    "{\"platformUserId\":\"" + prefix + t + "-" + i + "\"}")
                : (t, i) -> direct("user:Register", json("userId", A + "." + prefix + t + "-" + i));
            case "issuance" -> viaRest
                ? (t, i) -> rest(prefix + t + "-" + i, "/api/v1/issuances",
                    "{\"userId\":\"" + senders.get(t) + "\",\"amount\":1000,\"reason\":\"bench\"}")
                : (t, i) -> direct("account:Issue", json("requestId", prefix + t + "-" + i, "platformId", A,
                    "userId", senders.get(t), "amount", 1_000, "reason", "bench"));
            case "transfer" -> viaRest
                ? (t, i) -> rest(prefix + t + "-" + i, "/api/v1/transfers", "{\"platformId\":\"" + A
                    + "\",\"fromUserId\":\"" + senders.get(t) + "\",\"toUserId\":\"" + receivers.get(t)
                    + "\",\"amount\":1}")
                : (t, i) -> direct("account:Transfer", json("requestId", prefix + t + "-" + i, "platformId", A,
                    "fromUserId", senders.get(t), "toUserId", receivers.get(t), "amount", 1, "reason", "bench"));
            case "conversion" -> viaRest
                ? (t, i) -> rest(prefix + t + "-" + i, "/api/v1/conversions", "{\"userId\":\"" + senders.get(t)
                    + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B + "\",\"amount\":100}")
                : (t, i) -> direct("conversion:Convert", json("requestId", prefix + t + "-" + i, "userId",
                    senders.get(t), "fromPlatformId", A, "toPlatformId", B, "amount", 100));
            case "redemption" -> viaRest
                ? (t, i) -> rest(prefix + t + "-" + i, "/api/v1/redemptions", "{\"userId\":\"" + senders.get(t)
                    + "\",\"platformId\":\"" + A + "\",\"rewardId\":\"" + prefix + "rw" + t + "\",\"quantity\":1}")
                : (t, i) -> direct("reward:Redeem", json("requestId", prefix + t + "-" + i, "platformId", A,
                    "userId", senders.get(t), "rewardId", prefix + "rw" + t, "quantity", 1));
            default -> throw new IllegalArgumentException(workload);
        };
    }

    /**
     * One user per client thread, registered (only registered ids receive points): through REST the gateway names
     * and registers them (POST /users); directly, {@code user:Register} as platform-a's client.
     */
    private List<String> users(final boolean viaRest, final String prefix) throws Exception {
        final String[] users = new String[settings.threads()];
        final List<String> threads = new ArrayList<>();
        for (int t = 0; t < users.length; t++) {
            threads.add(String.valueOf(t));
        }
        runConcurrently(threads, t -> {
            final int i = Integer.parseInt(t);
            if (viaRest) {
                users[i] = ApiNetwork.user(rest, prefix + t);
            } else {
                users[i] = A + "." + prefix + t;
                direct("user:Register", json("userId", users[i]));
            }
        });
        return List.of(users);
    }

    /**
     * One run of {@code tx}: {@code run} numbers it among all runs (warm-ups after the measured ones) and picks its
     * transactions' keys; {@code label} is what its progress lines call it.
     */
    private BenchRun measureRun(final String label, final int run, final Tx tx, final NodeCpu cpu) throws Exception {
        final int perThread = settings.perThread();
        final int total = settings.threads() * perThread;
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        final ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        final String name = "[bench] " + label;
        final long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT, "%s: %d/%d committed, %d errors, %.0f s%n",
            name, committed.get(), total, errors.get(), (System.nanoTime() - start) / 1e9),
            PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        final Map<String, Double> before = cpu.snapshot();
        final long t0 = System.nanoTime();
        for (int thread = 0; thread < settings.threads(); thread++) {
            final int t = thread;
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    final long s = System.nanoTime();
                    try {
                        conflicts.addAndGet(tx.submit(t, run * perThread + i));
                        latencies.add((System.nanoTime() - s) / 1e6);
                        committed.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        final boolean finished = pool.awaitTermination(30, TimeUnit.MINUTES);
        final double seconds = (System.nanoTime() - t0) / 1e9;
        final Map<String, Double> used = NodeCpu.delta(before, cpu.snapshot());
        progress.shutdownNow();
        assertTrue(finished, name + " did not finish in 30 minutes");
        final List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        final BenchRun result = new BenchRun(committed.get(), conflicts.get(), errors.get(), seconds, sorted, used,
            firstError.get());
        System.out.printf(Locale.ROOT, "%s: %d committed, %d conflicts retried, %d errors, %.1f tx/s, p50 %.0f ms, "
            + "%.1f CPU ms/tx (all nodes)%n", name, result.committed(), result.conflicts(), result.errors(),
            result.throughput(), result.percentile(50), result.cpuPerTxAllNodes(false));
        return result;
    }

    /** Submits through fabric-gateway, endorsed as the gateway plans; a read conflict is endorsed again. */
    private int direct(final String function, final String request) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            final LedgerCalls.Outcome outcome = LedgerCalls.submit(client, function, request);
            if (outcome.code() == TxValidationCode.VALID) {
                return attempt;
            }
            if (!outcome.conflicted()) {
                throw new IllegalStateException(function + " did not commit: " + outcome);
            }
        }
        throw new IllegalStateException(function + " still conflicting after " + MAX_ATTEMPTS + " attempts");
    }

    private int probe(final String key, final String value) {
        LedgerCalls.submitArgs(client, "probe:PutValue", key, value).requireValid("probe");
        return 0;
    }

    /** A POST through platform-a's gateway; the gateway retries conflicts itself, so none are counted here. */
    private int rest(final String idempotencyKey, final String path, final String body) throws Exception {
        final HttpResponse<String> response = rest.post(path, idempotencyKey, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
