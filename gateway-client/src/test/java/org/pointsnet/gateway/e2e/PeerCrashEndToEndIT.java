package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 the destination platform's peer (platform-b's) in the middle of a burst of 200 conversions from platform-a
 * to platform-b: while it is down, gateway-a refuses with 503 PLATFORM_UNAVAILABLE naming platform-b and a
 * Retry-After header (never 502), its readiness shows platform-b without a live peer, and gateway-b's readiness says
 * its own peer is down. Bring the peer back with {@code ./test-network.sh start peer-platform-b} and retry what was
 * not acknowledged with the same Idempotency-Keys: every conversion took effect exactly once, and the network's
 * invariants hold.
 */
@Tag("network")
class PeerCrashEndToEndIT {

    private static final int CONVERSIONS = 200;
    private static final int THREADS = 8;
    private static final int KILL_AFTER_ACKS = 15;
    private static final long AMOUNT = 10;
    private static final String VICTIM = "peer-" + B;

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void conversionsSurviveTheDestinationPeerKilledMidBurstExactlyOnce() throws Exception {
        final long started = System.nanoTime();
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient a = clients.get(A);
        final List<String> users = FaultBurst.users(a, "peercrash-" + RUN, CONVERSIONS, 100);
        final long amountOut = FaultBurst.quote(a, A, B, AMOUNT);
        final List<FaultBurst.Op> ops = FaultBurst.conversions(users, A, B, AMOUNT, PeerCrashEndToEndIT::key);

        final FaultBurst burst = new FaultBurst(a, THREADS, ops);
        burst.run(KILL_AFTER_ACKS, () -> NetworkNodes.kill9(VICTIM), 1, Duration.ZERO, Duration.ofSeconds(240));
        final int acked = burst.acknowledgedInBurst();
        assertTrue(acked < CONVERSIONS, "the kill came too late to interrupt anything: " + burst.summary());
        assertTrue(!burst.failures(1).isEmpty(), "no conversion failed while the peer was down: " + burst.summary());
        final int named = burst.assertRefusalsSayPlatformUnavailable(B).size();
        final ApiClient b = clients.get(B);
        assertReadinessWhileThePeerIsDown(a, b);

        final Duration startTook = NetworkNodes.script("start", VICTIM);
        final long startReturned = System.nanoTime();
        final long firstRetryAck = burst.retryUnacknowledged(90, Duration.ofSeconds(1), Duration.ofSeconds(180))
            .orElseThrow();
        burst.assertRepeatsAnswerTheSameTransaction();

        FaultBurst.inParallel(IntStream.range(0, CONVERSIONS).boxed().toList(), i -> {
            final String user = users.get(i);
            assertEquals(100 - AMOUNT, ApiNetwork.balanceEventually(a, user, A, 100 - AMOUNT), user);
            assertEquals(amountOut, ApiNetwork.balanceEventually(a, user, B, amountOut), user);
            assertEquals(1, NetworkInvariants.receiptsOf(a, user, key(i)), "conversion " + key(i) + " in the history");
            return user;
        });
        final long height = NetworkInvariants.assertAll(clients);
        System.out.printf("peer crash: %s; %d refusals were 503 PLATFORM_UNAVAILABLE naming %s; %d acknowledged in the "
            + "burst, %d after the retries; start %s took %d ms; first retried conversion acknowledged %d ms after it "
            + "returned; invariants at height %d; test %d s%n",
            burst.summary(), named, B, acked, CONVERSIONS - acked, VICTIM, startTook.toMillis(),
            FaultBurst.since(startReturned, firstRetryAck).toMillis(), height,
            FaultBurst.since(started, System.nanoTime()).toSeconds());
    }

    /**
     * Gateway-b cannot reach its own peer: 503, and the reason names the peer. Gateway-a is still ready (its own
     * dependencies are up) and shows that platform-b has no live peer on the channel.
     */
    private static void assertReadinessWhileThePeerIsDown(final ApiClient a, final ApiClient b) throws Exception {
        final GatewayProbe ofB = GatewayProbe.unasked(b);
        assertEquals(503, ofB.readyStatus(), ofB.readyBody());
        assertEquals("DOWN", ofB.readiness().path("checks").path("peer").path("status").asString(), ofB.readyBody());
        assertTrue(ofB.readiness().path("reason").asString().startsWith("peer: "), ofB.readyBody());

        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        GatewayProbe ofA = GatewayProbe.unasked(a);
        while (!ofA.readiness().path("checks").path("platforms").path("detail").asString().contains(B)
            && System.nanoTime() < deadline) {
            Thread.sleep(500);
            ofA = GatewayProbe.unasked(a);
        }
        assertEquals(200, ofA.readyStatus(), ofA.readyBody());
        assertEquals("DEGRADED", ofA.readiness().path("checks").path("platforms").path("status").asString(),
            ofA.readyBody());
        assertTrue(ofA.readiness().path("checks").path("platforms").path("detail").asString().contains(B),
            ofA.readyBody());
    }

    private static String key(final int i) {
        return "peercrash-" + RUN + "-" + i;
    }
}
