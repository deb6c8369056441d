package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * platform-a runs two peers (peers: in the spec). During conversions from platform-a (through its balancer) and from
 * platform-b (which need platform-a's endorsement of the credit), {@code kill -9} the peer platform-a's gateways use:
 * the gateways fail over to the other peer, platform-b's peer gateway endorses on it and platform-b's gateway sees
 * platform-a available, clients retry what failed with
 * the same Idempotency-Keys and every conversion takes effect exactly once (balances, one receipt per key, the
 * projection keeps up and reconciles). The killed peer then comes back with {@code ./test-network.sh start} and catches
 * up to its sibling's height.
 */
@Tag("network")
class PeerFailoverEndToEndIT {

    private static final int USERS_A = 8;
    private static final int USERS_B = 4;
    private static final int CONVERSIONS_PER_USER = 5;
    private static final int THREADS = 8;
    private static final int KILL_AFTER_ACKS = 12;
    private static final long ISSUED = 100;
    private static final long AMOUNT = 10;
    private static final Duration RETRY_FOR = Duration.ofSeconds(120);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    /** The readiness detail of the peer check names the peer in use: "... (peer 127.0.0.1:7051)". */
    private static final Pattern PEER_IN_USE = Pattern.compile("\\(peer ([^)]+)\\)");

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void conversionsGoOnThroughTheOtherPeerWhenOneOfPlatformAsPeersIsKilled() throws Exception {
        final long started = System.nanoTime();
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient a = clients.get(A);
        final ApiClient b = clients.get(B);
        final Map<String, String> peersOfA = peerAddresses(A);
        assertEquals(2, peersOfA.size(), "status lists two peers of " + A + ": " + peersOfA);

        final List<String> usersA = FaultBurst.users(a, "pf-" + RUN + "-a", USERS_A, ISSUED);
        final List<String> usersB = FaultBurst.users(b, "pf-" + RUN + "-b", USERS_B, ISSUED);
        final long aToB = FaultBurst.quote(a, A, B, AMOUNT);
        final long bToA = FaultBurst.quote(b, B, A, AMOUNT);

        // The peer platform-a's gateways use now (the first that answers: the same for every instance).
        final String address = peerInUse();
        final String victim = nameOf(peersOfA, address);
        final String survivor = peersOfA.keySet().stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();

        final List<Conversion> conversions = new ArrayList<>();
        for (int j = 0; j < CONVERSIONS_PER_USER; j++) {
            for (final String user : usersA) {
                conversions.add(new Conversion(a, user, A, B, key(user, j)));
            }
            for (final String user : usersB) {
                conversions.add(new Conversion(b, user, B, A, key(user, j)));
            }
        }
        final AtomicInteger acks = new AtomicInteger();
        final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
        final CountDownLatch enoughAcks = new CountDownLatch(1);
        final Map<String, String> failures = new ConcurrentHashMap<>();
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final long killedAt;
        final long loadMs;
        try {
            final long loadStarted = System.nanoTime();
            final List<Future<?>> calls = new ArrayList<>();
            for (final Conversion conversion : conversions) {
                calls.add(pool.submit(() -> {
                    final String outcome = conversion.runWithRetries(retries);
                    if (outcome != null) {
                        failures.put(conversion.key(), outcome);
                    } else if (acks.incrementAndGet() >= KILL_AFTER_ACKS) {
                        enoughAcks.countDown();
                    }
                    return null;
                }));
            }
            assertTrue(enoughAcks.await(120, TimeUnit.SECONDS), "the conversions never got going: " + failures);
            NetworkNodes.kill9(victim);
            killedAt = System.nanoTime();
            for (final Future<?> call : calls) {
                call.get(RETRY_FOR.toSeconds() + 60, TimeUnit.SECONDS);
            }
            loadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
        } finally {
            pool.shutdownNow();
        }
        final int ackedAfterKill = conversions.size() - Math.min(conversions.size(), KILL_AFTER_ACKS);
        assertTrue(failures.isEmpty(), failures.size() + " conversions never succeeded: " + failures);
        assertEquals(conversions.size(), acks.get());
        assertTrue(ackedAfterKill > 0, "nothing was left to convert after the kill");

        // Both platforms' gateways still serve, platform-a's through the surviving peer, and readiness says so.
        final String now = peerInUse();
        assertEquals(peersOfA.get(survivor), now, A + "'s gateways use " + survivor + " now");
        final GatewayProbe probeOfA = GatewayProbe.unasked(a);
        assertEquals(200, probeOfA.readyStatus(), probeOfA.readyBody());
        // Another org's gateway sees platform-a available: its probe through peer-b reaches platform-a's live peer.
        assertPlatformsUp(b);

        // Exactly one effect per conversion: balances on both sides, one receipt per Idempotency-Key.
        final long spent = CONVERSIONS_PER_USER * AMOUNT;
        assertOneEffectEach(a, usersA, A, B, ISSUED - spent, CONVERSIONS_PER_USER * aToB);
        assertOneEffectEach(b, usersB, B, A, ISSUED - spent, CONVERSIONS_PER_USER * bToA);
        // The projection platform-a's listener kept through the failover matches the ledger's supplies.
        final JsonNode reconciledA = ApiNetwork.assertReconciled(a);
        ApiNetwork.assertReconciled(b);

        // The killed peer comes back and catches up with its sibling.
        final Duration startTook = NetworkNodes.script("start", victim);
        final long[] heights = awaitSameHeight(victim, survivor);
        assertTrue(NetworkNodes.answers(victim), victim + " answers after its start");
        System.out.printf("peer failover: %d conversions (%d from %s, %d from %s) in %d ms, failed attempts "
                + "(retried) %s; killed %s (%s) after %d acknowledgements, %s's gateways moved to %s; reconciled at "
                + "block %d; start %s took %d ms, then at height %d like %s; test %d s (kill to end %d ms)%n",
            conversions.size(), USERS_A * CONVERSIONS_PER_USER, A, USERS_B * CONVERSIONS_PER_USER, B, loadMs,
            new TreeMap<>(retries), victim, address, KILL_AFTER_ACKS, A, now, reconciledA.path("asOfBlock").asLong(),
            victim, startTook.toMillis(), heights[0], survivor,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
    }

    /** One conversion sent until it is acknowledged, always with the same Idempotency-Key. */
    private record Conversion(ApiClient client, String user, String from, String to, String key) {

        /** Null on success, else the last outcome after {@link #RETRY_FOR}; each failed attempt counted by kind. */
        String runWithRetries(final Map<String, AtomicInteger> retries) throws InterruptedException {
            final String body = "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + from + "\",\"toPlatformId\":\""
                + to + "\",\"amount\":" + AMOUNT + "}";
            final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
            String last = "not tried";
            while (System.nanoTime() < deadline) {
                try {
                    final HttpResponse<String> response = client.post("/api/v1/conversions", key, body);
                    if (response.statusCode() == 200) {
                        return null;
                    }
                    last = response.statusCode() + " " + response.body();
                    retries.computeIfAbsent(response.statusCode() + " " + JSON.readTree(response.body()).path("code")
                        .asString(""), k -> new AtomicInteger()).incrementAndGet();
                } catch (IOException e) {
                    last = e.toString();
                    retries.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } catch (Exception e) {
                    last = e.toString();
                    retries.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                }
                Thread.sleep(500);
            }
            return last;
        }
    }

    /** At most 64 characters (the Idempotency-Key limit). */
    /** Each user's balances on its own and the other platform, and one receipt per Idempotency-Key it sent. */
    private static void assertOneEffectEach(final ApiClient gateway, final List<String> users, final String home,
                                            final String other, final long left, final long received)
        throws Exception {
        FaultBurst.inParallel(users, user -> {
            assertEquals(left, ApiNetwork.balanceEventually(gateway, user, home, left), user);
            assertEquals(received, ApiNetwork.balanceEventually(gateway, user, other, received), user);
            for (int j = 0; j < CONVERSIONS_PER_USER; j++) {
                assertEquals(1, NetworkInvariants.receiptsOf(gateway, user, key(user, j)), key(user, j));
            }
            return user;
        });
    }

    private static String key(final String user, final int j) {
        return "pf-" + user.substring(Math.max(0, user.length() - 24)) + "-" + j;
    }

    /** The platform's peers as {@code status --json} lists them: node name to address, in order. */
    private static Map<String, String> peerAddresses(final String platform) throws Exception {
        final Map<String, String> peers = new TreeMap<>();
        for (final JsonNode node : NetworkNodes.status().path("nodes")) {
            if ("peer".equals(node.path("kind").asString()) && platform.equals(node.path("platformId").asString())) {
                peers.put(node.path("name").asString(), node.path("address").asString());
            }
        }
        return peers;
    }

    private static String nameOf(final Map<String, String> peers, final String address) {
        return peers.entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey)
            .findFirst().orElseThrow(() -> new AssertionError("no peer of " + A + " at " + address + ": " + peers));
    }

    /** The peer every gateway instance of platform-a uses, from each instance's own readiness (they must agree). */
    private static String peerInUse() throws Exception {
        final List<String> seen = new ArrayList<>();
        for (final JsonNode instance : NetworkNodes.status().path("gateways").path(A).path("instances")) {
            final HttpResponse<String> response = GatewayHttp.get(URI.create(instance.path("url").asString()),
                "/health/ready");
            final String detail = JSON.readTree(response.body()).path("checks").path("peer").path("detail")
                .asString("");
            final Matcher matcher = PEER_IN_USE.matcher(detail);
            assertTrue(matcher.find(), "readiness names no peer in use: " + response.body());
            seen.add(matcher.group(1));
        }
        assertTrue(!seen.isEmpty(), "status --json lists no gateway instance of " + A);
        assertEquals(1, seen.stream().distinct().count(), "the gateway instances use different peers: " + seen);
        return seen.get(0);
    }

    /** Polls the gateway's readiness until its {@code platforms} check is UP (every platform has a live peer). */
    private static void assertPlatformsUp(final ApiClient gateway) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        GatewayProbe probe = GatewayProbe.unasked(gateway);
        while (!"UP".equals(probe.readiness().path("checks").path("platforms").path("status").asString())
            && System.nanoTime() < deadline) {
            Thread.sleep(500);
            probe = GatewayProbe.unasked(gateway);
        }
        assertEquals("UP", probe.readiness().path("checks").path("platforms").path("status").asString(),
            probe.readyBody());
    }

    /** Polls status until both peers report the same height (and stay there for one more poll); returns it. */
    private static long[] awaitSameHeight(final String peer, final String sibling) throws Exception {
        final long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long[] last = {-1, -1};
        while (System.nanoTime() < deadline) {
            final Map<String, JsonNode> nodes = NetworkNodes.nodes();
            final long[] now = {nodes.get(peer).path("height").asLong(-1),
                nodes.get(sibling).path("height").asLong(-2)};
            if (now[0] == now[1] && now[0] == last[0] && last[0] == last[1]) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        assertNotEquals(-1, last[0], peer + " reports no height");
        throw new AssertionError(peer + " did not reach " + sibling + "'s height within " + CATCH_UP.toSeconds()
            + " s: " + last[0] + " vs " + last[1]);
    }
}
