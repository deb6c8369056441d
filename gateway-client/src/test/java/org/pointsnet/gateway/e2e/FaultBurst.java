package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * A burst of independent write requests through one gateway, with a fault injected in the middle, and what each
 * request's client saw: an acknowledgement (200 and a transaction id) or not (an error answer, a refused or broken
 * connection). Every request has its own Idempotency-Key, so a retry after the fault is what a real client does, and
 * a test can check that each took effect exactly once. Everything is bounded: thread count, attempts per request,
 * and a deadline per phase.
 */
final class FaultBurst {

    /** Client threads for setting up users: enough to fill blocks, few enough not to starve the nodes of CPU. */
    static final int SETUP_THREADS = 16;

    /** One write: its Idempotency-Key, path and JSON body. */
    record Op(String key, String path, String body) {
    }

    /** One conversion of {@code amount} per user from {@code from} to {@code to}, keyed by {@code key}. */
    static List<Op> conversions(final List<String> users, final String from, final String to, final long amount,
                                final IntFunction<String> key) {
        final List<Op> ops = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ops.add(new Op(key.apply(i), "/api/v1/conversions", "{\"userId\":\"" + users.get(i)
                + "\",\"fromPlatformId\":\"" + from + "\",\"toPlatformId\":\"" + to + "\",\"amount\":" + amount + "}"));
        }
        return ops;
    }

    /** One transfer of {@code amount} on {@code platform} from each sender to the receiver at the same index. */
    static List<Op> transfers(final String platform, final List<String> senders, final List<String> receivers,
                              final long amount, final IntFunction<String> key) {
        final List<Op> ops = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            ops.add(new Op(key.apply(i), "/api/v1/transfers", "{\"platformId\":\"" + platform + "\",\"fromUserId\":\""
                + senders.get(i) + "\",\"toUserId\":\"" + receivers.get(i) + "\",\"amount\":" + amount + "}"));
        }
        return ops;
    }

    /**
     * One attempt: HTTP status (0 when the connection failed), txId when acknowledged, the answer or the exception,
     * its Retry-After header (null when none), and when it was sent and answered (System.nanoTime).
     */
    record Attempt(String key, int status, String txId, String detail, String retryAfter, long sentNanos,
                   long doneNanos) {

        boolean acknowledged() {
            return status == 200;
        }

        /** The problem+json body of a refusal (missing node when it is not one). */
        JsonNode problem() {
            try {
                return JSON.readTree(detail);
            } catch (RuntimeException notJson) {
                return JSON.missingNode();
            }
        }

        String code() {
            return problem().path("code").asString("");
        }
    }

    /** What triggers the fault and what it is. */
    interface Fault {
        void inject() throws Exception;
    }

    private final ApiClient client;
    private final int threads;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Op> ops = new LinkedHashMap<>();
    private volatile long faultNanos;
    private volatile long burstEndNanos = Long.MAX_VALUE;
    private final long startNanos = System.nanoTime();

    FaultBurst(final ApiClient client, final int threads, final List<Op> ops) {
        this.client = client;
        this.threads = threads;
        ops.forEach(op -> this.ops.put(op.key(), op));
        assertEquals(ops.size(), this.ops.size(), "Idempotency-Keys must be unique");
    }

    /**
     * Sends every request once (each of {@code threads} workers takes the next one), injects {@code fault} from this
     * thread as soon as {@code afterAcks} requests were acknowledged, and waits for every request to be answered.
     * A request that is not acknowledged is tried again, up to {@code attemptsPerOp} times in all, after {@code pause}
     * (1 attempt: the retries are left to {@link #retryUnacknowledged}).
     */
    void run(final int afterAcks, final Fault fault, final int attemptsPerOp, final Duration pause,
             final Duration deadline) throws Exception {
        final CountDownLatch enoughAcks = new CountDownLatch(afterAcks);
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        final long end = System.nanoTime() + deadline.toNanos();
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (final Op op : ops.values()) {
                futures.add(pool.submit(() -> {
                    for (int attempt = 1; attempt <= attemptsPerOp && System.nanoTime() < end; attempt++) {
                        if (send(op).acknowledged()) {
                            enoughAcks.countDown();
                            return null;
                        }
                        if (attempt < attemptsPerOp) {
                            Thread.sleep(pause.toMillis());
                        }
                    }
                    return null;
                }));
            }
            assertTrue(enoughAcks.await(deadline.toSeconds(), TimeUnit.SECONDS),
                "the burst never got to " + afterAcks + " acknowledgements: " + failures(5));
            faultNanos = System.nanoTime();
            fault.inject();
            pool.shutdown();
            assertTrue(pool.awaitTermination(Math.max(1, (end - System.nanoTime()) / 1_000_000_000L) + 120,
                TimeUnit.SECONDS), "requests still running after the fault");
            for (final Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
            burstEndNanos = System.nanoTime();
        }
    }

    /**
     * Sends every request not yet acknowledged again with its key, in rounds {@code pause} apart, until all are
     * acknowledged, {@code maxRounds} rounds were sent or {@code deadline} passed; fails if any is left. Returns when
     * the first retry was acknowledged (System.nanoTime), or empty when there was nothing to retry.
     */
    Optional<Long> retryUnacknowledged(final int maxRounds, final Duration pause, final Duration deadline)
        throws Exception {
        final long end = System.nanoTime() + deadline.toNanos();
        Long firstSuccess = null;
        int round = 0;
        while (acknowledged.size() < ops.size() && round < maxRounds && System.nanoTime() < end) {
            round++;
            final List<Op> pending = ops.values().stream().filter(op -> !acknowledged.containsKey(op.key())).toList();
            for (final Attempt attempt : sendAll(pending)) {
                if (attempt.acknowledged() && (firstSuccess == null || attempt.doneNanos() < firstSuccess)) {
                    firstSuccess = attempt.doneNanos();
                }
            }
            if (acknowledged.size() < ops.size()) {
                Thread.sleep(pause.toMillis());
            }
        }
        assertEquals(ops.size(), acknowledged.size(), "after " + round + " retry rounds, still not acknowledged: "
            + failures(5));
        return Optional.ofNullable(firstSuccess);
    }

    /**
     * Sends every acknowledged request once more with its key: the gateway must answer the transaction it
     * acknowledged the first time, not a new one (a second effect would be a second transaction).
     */
    void assertRepeatsAnswerTheSameTransaction() throws Exception {
        final Map<String, String> first = Map.copyOf(acknowledged);
        final List<Op> all = List.copyOf(ops.values());
        for (final Attempt repeat : sendAll(all)) {
            assertEquals(200, repeat.status(), "repeat of " + repeat.key() + ": " + repeat.detail());
            assertEquals(first.get(repeat.key()), repeat.txId(), "a repeat of " + repeat.key()
                + " answered another transaction");
        }
    }

    private List<Attempt> sendAll(final Collection<Op> batch) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final List<Future<Attempt>> futures = new ArrayList<>();
            for (final Op op : batch) {
                futures.add(pool.submit(() -> send(op)));
            }
            final List<Attempt> done = new ArrayList<>();
            for (final Future<Attempt> future : futures) {
                done.add(future.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private Attempt send(final Op op) {
        final long sent = System.nanoTime();
        Attempt attempt;
        try {
            final HttpResponse<String> response = client.post(op.path(), op.key(), op.body());
            final String txId = response.statusCode() == 200
                ? JSON.readTree(response.body()).path("txId").asString() : null;
            attempt = new Attempt(op.key(), response.statusCode(), txId, response.body(),
                response.headers().firstValue("Retry-After").orElse(null), sent, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            attempt = new Attempt(op.key(), 0, null, e.toString(), null, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = new Attempt(op.key(), 0, null, e.toString(), null, sent, System.nanoTime());
        } catch (Exception e) {
            attempt = new Attempt(op.key(), 0, null, e.toString(), null, sent, System.nanoTime());
        }
        attempts.add(attempt);
        if (attempt.acknowledged()) {
            final String before = acknowledged.putIfAbsent(op.key(), attempt.txId());
            assertTrue(before == null || before.equals(attempt.txId()), op.key() + " acknowledged as two transactions: "
                + before + " and " + attempt.txId());
        }
        return attempt;
    }

    // ---- what the clients saw ----------------------------------------------------------------------------------

    Collection<Op> ops() {
        return ops.values();
    }

    long faultNanos() {
        return faultNanos;
    }

    /** Requests acknowledged while the burst ran (before {@link #retryUnacknowledged}). */
    int acknowledgedInBurst() {
        return (int) attempts.stream().filter(a -> a.acknowledged() && a.doneNanos() <= burstEndNanos)
            .map(Attempt::key).distinct().count();
    }

    /** Requests acknowledged before the fault was injected. */
    int acknowledgedBeforeFault() {
        return (int) attempts.stream().filter(a -> a.acknowledged() && a.doneNanos() < faultNanos).count();
    }

    /** Attempts that were not acknowledged, by HTTP status (0: no answer). */
    Map<Integer, Integer> failuresByStatus() {
        final Map<Integer, Integer> counts = new java.util.TreeMap<>();
        attempts.stream().filter(a -> !a.acknowledged()).forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

    /** Up to {@code n} failed attempts, for messages. */
    List<String> failures(final int n) {
        return attempts.stream().filter(a -> !a.acknowledged()).limit(n)
            .map(a -> a.status() + " " + a.detail()).toList();
    }

    /** Attempts of the burst (before {@link #retryUnacknowledged}) that were not acknowledged, in answer order. */
    List<Attempt> failuresInBurst() {
        return attempts.stream().filter(a -> !a.acknowledged() && a.doneNanos() <= burstEndNanos)
            .sorted(Comparator.comparingLong(Attempt::doneNanos)).toList();
    }

    /**
     * Every refusal during the burst is a retryable 503 with a Retry-After header, coded PLATFORM_UNAVAILABLE or
     * LEDGER_UNAVAILABLE (an endorsement that timed out while the peer went away); none is a 502 or a 500. Returns the
     * PLATFORM_UNAVAILABLE answers, each of which must name {@code platform}.
     */
    List<Attempt> assertRefusalsSayPlatformUnavailable(final String platform) {
        final List<Attempt> failures = failuresInBurst();
        for (final Attempt failure : failures) {
            assertEquals(503, failure.status(), "a refusal during the outage: " + failure.detail());
            assertTrue(failure.retryAfter() != null && Long.parseLong(failure.retryAfter()) > 0,
                "503 without Retry-After: " + failure);
            assertTrue(List.of("PLATFORM_UNAVAILABLE", "LEDGER_UNAVAILABLE").contains(failure.code()),
                "refused with " + failure.detail());
        }
        final List<Attempt> named = failures.stream().filter(f -> "PLATFORM_UNAVAILABLE".equals(f.code())).toList();
        assertTrue(!named.isEmpty(), "no PLATFORM_UNAVAILABLE among " + failuresByStatus() + ": " + failures(5));
        for (final Attempt attempt : named) {
            assertEquals(platform, attempt.problem().path("platformId").asString(), attempt.detail());
        }
        return named;
    }

    /** The first failed attempt answered after the fault (System.nanoTime), if any. */
    Optional<Long> firstFailureAfterFault() {
        return attempts.stream().filter(a -> !a.acknowledged() && a.doneNanos() >= faultNanos)
            .map(Attempt::doneNanos).min(Comparator.naturalOrder());
    }

    /** The first acknowledgement of an attempt sent after the fault (System.nanoTime), if any. */
    Optional<Long> firstAckSentAfterFault() {
        return attempts.stream().filter(a -> a.acknowledged() && a.sentNanos() >= faultNanos)
            .map(Attempt::doneNanos).min(Comparator.naturalOrder());
    }

    /**
     * The longest time between two consecutive acknowledgements from the last one before the fault to the first of
     * a request sent after it: how long nothing committed for a client.
     */
    Duration longestGapAroundFault() {
        final List<Long> acks = attempts.stream().filter(Attempt::acknowledged).map(Attempt::doneNanos).sorted()
            .toList();
        final long until = firstAckSentAfterFault().orElse(Long.MAX_VALUE);
        long gap = 0;
        for (int i = 1; i < acks.size(); i++) {
            if (acks.get(i) >= faultNanos && acks.get(i - 1) <= until) {
                gap = Math.max(gap, acks.get(i) - acks.get(i - 1));
            }
        }
        return Duration.ofNanos(gap);
    }

    /**
     * {@code count} users of the client's platform ({@code prefix}-0, -1, …), each issued {@code amount} points
     * (0: none); registrations and issuances are sent by {@link #SETUP_THREADS} threads (one at a time, 400
     * registrations took minutes of CI, each waiting for its own block); fails unless every one is acknowledged.
     */
    static List<String> users(final ApiClient client, final String prefix, final int count, final long amount)
        throws Exception {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + i);
        }
        final List<String> users = inParallel(names, name -> ApiNetwork.user(client, name));
        if (amount > 0) {
            inParallel(users, user -> ApiNetwork.issue(client, user, amount));
        }
        return users;
    }

    /** One setup call on one item. */
    interface Call<T, R> {
        R apply(T item) throws Exception;
    }

    /**
     * {@code call} on every item by {@link #SETUP_THREADS} threads; the results in the items' order. Fails with the
     * first failure (each call asserts its own answer).
     */
    static <T, R> List<R> inParallel(final List<T> items, final Call<T, R> call) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            final List<Future<R>> futures = new ArrayList<>();
            for (final T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            final List<R> results = new ArrayList<>();
            for (final Future<R> future : futures) {
                results.add(future.get(180, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** amountOut of GET /quotes for a conversion of {@code amount} from one platform to another. */
    static long quote(final ApiClient client, final String from, final String to, final long amount)
        throws Exception {
        final HttpResponse<String> response = client.get("/api/v1/quotes?from=" + from + "&to=" + to + "&amount="
            + amount);
        assertEquals(200, response.statusCode(), response.body());
        final long out = JSON.readTree(response.body()).path("amountOut").asLong(-1);
        assertTrue(out > 0, "quote without amountOut: " + response.body());
        return out;
    }

    static Duration since(final long startNanos, final long endNanos) {
        return Duration.ofNanos(endNanos - startNanos);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** One line for the test log: counts and failure kinds. */
    String summary() {
        return String.format("%d requests, %d attempts, %d acknowledged before the fault, %d acknowledged during the "
            + "burst, failed attempts by status %s", ops.size(), attempts.size(), acknowledgedBeforeFault(),
            acknowledgedInBurst(), failuresByStatus());
    }
}
