package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * platform-a runs two gateways behind HAProxy (gateways: in the spec). A token one gateway issued works on the other
 * (they share the org's PostgreSQL and signing key); 500 conversions through the balancer survive a SIGKILL of the
 * gateway that held the listener lease: clients retry with the same Idempotency-Keys, every conversion takes effect
 * once, HAProxy takes the dead gateway out within its health checks, the other gateway takes the lease over and its
 * projection keeps up (history counts, reconciliation). The killed gateway is started again before the test ends, so
 * the classes after it (and the other test here, whatever the order) see both gateways.
 */
@Tag("network")
class ScaleOutEndToEndIT {

    private static final int USERS = 20;
    private static final int CONVERSIONS_PER_USER = 25;
    private static final int THREADS = 12;
    private static final int KILL_AFTER_ACKS = 100;
    private static final long ISSUED = 300;
    private static final long AMOUNT = 10;
    /** HAProxy takes a dead instance out within about 6 s (BalancerConfig: inter 5s, fastinter 1s, fall 2). */
    private static final Duration OUT_OF_ROTATION = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(60);
    private static final Duration RETRY_FOR = Duration.ofSeconds(240);
    /** The readiness detail of the instance that reads blocks (a standby's says another one holds the lease). */
    private static final String HOLDS_LEASE = "this gateway holds the listener lease";

    private static NetworkStatus.Gateway balanced;
    private static List<Instance> instances;
    private static String killed;

    /** One gateway of platform-a, called directly on its own port. */
    private record Instance(String name, ApiClient client) {
    }

    @BeforeAll
    static void findInstances() throws Exception {
        balanced = NetworkStatus.answeringGatewayClients(List.of(A)).get(A);
        final JsonNode listed = NetworkNodes.status().path("gateways").path(A).path("instances");
        instances = new ArrayList<>();
        for (final JsonNode instance : listed) {
            instances.add(new Instance(instance.path("name").asString(), new ApiClient(new NetworkStatus.Gateway(
                URI.create(instance.path("url").asString()), balanced.caCert(), balanced.clientId(),
                balanced.clientSecret()))));
        }
        assertEquals(2, instances.size(), "status --json lists two gateway instances of " + A + ": " + listed);
    }

    /**
     * Waits for the restart of the killed gateway (started in the background once the survivor took over) and until
     * HAProxy routes to it again: the next test sees both.
     */
    private static void restore(final Future<?> restart) throws Exception {
        if (killed == null) {
            return;
        }
        final String name = killed;
        killed = null;
        if (restart == null) {
            NetworkNodes.script("start", name);
        } else {
            restart.get(180, TimeUnit.SECONDS);
        }
        final BalancerStats stats = new BalancerStats(A);
        awaitTrue(() -> "UP".equals(stats.servers().get(name)), Duration.ofSeconds(60),
            "HAProxy routes to the restarted " + name + " again");
    }

    @Test
    void aTokenFromOneGatewayWorksOnTheOther() throws Exception {
        for (int i = 0; i < instances.size(); i++) {
            final Instance issuer = instances.get(i);
            final Instance other = instances.get((i + 1) % instances.size());
            final String token = issuer.client().token();
            final HttpResponse<String> response = other.client().send("GET", "/api/v1/platforms", null, null, token);
            assertEquals(200, response.statusCode(), "a token from " + issuer.name() + " on " + other.name() + ": "
                + response.body());
        }
    }

    @Test
    void conversionsThroughTheBalancerSurviveTheLossOfTheListeningGateway() throws Exception {
        final ApiClient a = new ApiClient(balanced);
        final BalancerStats stats = new BalancerStats(A);
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final ExecutorService restarts = Executors.newSingleThreadExecutor();
        Future<?> restart = null;
        try {
            final List<String> users = users(a, pool);
            final String holder = leaseHolder();
            final AtomicInteger acks = new AtomicInteger();
            final AtomicInteger retries = new AtomicInteger();
            final CountDownLatch enoughAcks = new CountDownLatch(1);
            final Map<String, String> failures = new ConcurrentHashMap<>();
            final List<Future<?>> calls = new ArrayList<>();
            final long started = System.nanoTime();
            for (int j = 0; j < CONVERSIONS_PER_USER; j++) {
                for (final String user : users) {
                    final String key = key(user, j);
                    calls.add(pool.submit(() -> {
                        final String outcome = convertWithRetries(a, user, key, retries);
                        if (outcome != null) {
                            failures.put(key, outcome);
                        } else if (acks.incrementAndGet() >= KILL_AFTER_ACKS) {
                            enoughAcks.countDown();
                        }
                        return null;
                    }));
                }
            }
            assertTrue(enoughAcks.await(180, TimeUnit.SECONDS), "the conversions never got going: " + failures);
            final long killedAt = System.nanoTime();
            NetworkNodes.kill9(holder);
            killed = holder;
            awaitTrue(() -> stats.servers().getOrDefault(holder, "").startsWith("DOWN"), OUT_OF_ROTATION,
                "HAProxy takes the killed " + holder + " out of rotation");
            final long outAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            final Instance survivor = instances.stream().filter(i -> !i.name().equals(holder)).findFirst()
                .orElseThrow();
            awaitTrue(() -> leaseDetail(survivor).contains(HOLDS_LEASE), TAKEOVER,
                survivor.name() + " takes the listener lease over");
            final long leaseAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            // Its JVM start overlaps the rest of the load: it comes back as a standby and rejoins the rotation.
            restart = restarts.submit(() -> NetworkNodes.script("start", holder));
            for (final Future<?> call : calls) {
                call.get(RETRY_FOR.toSeconds() + 60, TimeUnit.SECONDS);
            }
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(failures.isEmpty(), failures.size() + " conversions never succeeded: " + failures);
            assertEquals(USERS * CONVERSIONS_PER_USER, acks.get());

            // Exactly one effect per conversion: balances on the ledger, CONVERT receipts in the projection.
            for (final String user : users) {
                assertEquals(ISSUED - CONVERSIONS_PER_USER * AMOUNT,
                    ApiNetwork.balanceEventually(a, user, A, ISSUED - CONVERSIONS_PER_USER * AMOUNT), user);
                assertEquals(CONVERSIONS_PER_USER * AMOUNT / 2,
                    ApiNetwork.balanceEventually(a, user, B, CONVERSIONS_PER_USER * AMOUNT / 2), user);
                assertEquals(CONVERSIONS_PER_USER, conversionsInHistory(a, user), "conversions of " + user);
            }
            // The projection the survivor kept after taking the lease matches the ledger's supplies.
            final JsonNode report = ApiNetwork.assertReconciled(a);
            System.out.printf("scale-out: %d conversions through the balancer in %d ms (%d retried attempts); "
                    + "killed %s (listener lease holder); HAProxy marked it DOWN after %d ms; %s held the lease "
                    + "after %d ms; reconciled at block %d%n", acks.get(), elapsedMs, retries.get(), holder,
                outAfterMs, survivor.name(), leaseAfterMs, report.path("asOfBlock").asLong());
        } finally {
            pool.shutdownNow();
            try {
                restore(restart);
            } finally {
                restarts.shutdown();
            }
        }
    }

    /** Users of platform-a with {@link #ISSUED} points each, created and issued in parallel. */
    private static List<String> users(final ApiClient a, final ExecutorService pool) throws Exception {
        final List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            final String platformUserId = "scale-" + RUN + "-" + i;
            created.add(pool.submit(() -> {
                final String user = ApiNetwork.user(a, platformUserId);
                ApiNetwork.issue(a, user, ISSUED);
                return user;
            }));
        }
        final List<String> users = new ArrayList<>();
        for (final Future<String> user : created) {
            users.add(user.get(180, TimeUnit.SECONDS));
        }
        return users;
    }

    /** Retries until 200 with the same Idempotency-Key; null on success, else the last outcome. */
    private static String convertWithRetries(final ApiClient a, final String user, final String key,
                                             final AtomicInteger retries) throws InterruptedException {
        final String body = "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
            + "\",\"amount\":" + AMOUNT + "}";
        final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        String last = "not tried";
        while (System.nanoTime() < deadline) {
            try {
                final HttpResponse<String> response = a.post("/api/v1/conversions", key, body);
                if (response.statusCode() == 200) {
                    return null;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString(); // the gateway died under the request, or the balancer had no one to pass it to
            } catch (Exception e) {
                last = e.toString();
            }
            retries.incrementAndGet();
            Thread.sleep(500);
        }
        return last;
    }

    /** At most 64 characters (the Idempotency-Key limit). */
    private static String key(final String user, final int j) {
        return "so-" + user.substring(Math.max(0, user.length() - 24)) + "-" + j;
    }

    private static int conversionsInHistory(final ApiClient a, final String user) throws Exception {
        final long deadline = System.nanoTime() + TAKEOVER.toNanos();
        int seen;
        do {
            seen = 0;
            final HttpResponse<String> response = a.get("/api/v1/users/" + user + "/history?limit=200");
            assertEquals(200, response.statusCode(), response.body());
            for (final JsonNode receipt : JSON.readTree(response.body()).path("receipts")) {
                if (receipt.path("requestId").asString("").startsWith("so-")) {
                    seen++;
                }
            }
            if (seen == CONVERSIONS_PER_USER) {
                return seen;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    /** The instance whose readiness says it holds the listener lease. */
    private static String leaseHolder() throws Exception {
        final List<String> holders = new ArrayList<>();
        awaitTrue(() -> {
            holders.clear();
            for (final Instance instance : instances) {
                if (leaseDetail(instance).contains(HOLDS_LEASE)) {
                    holders.add(instance.name());
                }
            }
            return holders.size() == 1;
        }, TAKEOVER, "exactly one gateway of " + A + " holds the listener lease");
        return holders.get(0);
    }

    /** The listener check's detail of the instance's readiness (empty when it does not answer). */
    private static String leaseDetail(final Instance instance) {
        try {
            final HttpResponse<String> response = GatewayHttp.get(instance.client().gateway().url(), "/health/ready");
            return JSON.readTree(response.body()).path("checks").path("listener").path("detail").asString("");
        } catch (Exception e) {
            return "";
        }
    }

    /** A condition that may throw. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(final Condition condition, final Duration timeout, final String what)
        throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + timeout.toSeconds() + " s: " + what);
            Thread.sleep(200);
        }
    }
}
