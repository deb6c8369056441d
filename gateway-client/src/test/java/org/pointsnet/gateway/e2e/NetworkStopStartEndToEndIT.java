package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./test-network.sh stop} (every node, data kept) in the middle of a burst of conversions from platform-c to
 * platform-a through platform-c's gateway, then {@code ./test-network.sh start}: the clients' credentials and tokens
 * still work (same client secrets; grants in H2 and PostgreSQL survived), and retrying what was not acknowledged
 * with the same keys makes every conversion take effect exactly once. Nothing is lost.
 */
@Tag("network")
class NetworkStopStartEndToEndIT {

    private static final int CONVERSIONS = 60;
    private static final int THREADS = 6;
    private static final int STOP_AFTER_ACKS = 10;
    private static final long AMOUNT = 20;

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theWholeNetworkStoppedMidBurstAndStartedLosesNothing() throws Exception {
        final long started = System.nanoTime();
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient c = clients.get(C);
        final List<String> users = FaultBurst.users(c, "stop-" + RUN, CONVERSIONS, 100);
        final long amountOut = FaultBurst.quote(c, C, A, AMOUNT);
        final List<FaultBurst.Op> ops =
            FaultBurst.conversions(users, C, A, AMOUNT, NetworkStopStartEndToEndIT::key);
        final Map<String, String> secretsBefore = clientSecrets();
        final Map<String, String> tokensBefore = new LinkedHashMap<>();
        for (final Map.Entry<String, ApiClient> client : clients.entrySet()) {
            tokensBefore.put(client.getKey(), client.getValue().token());
        }

        final FaultBurst burst = new FaultBurst(c, THREADS, ops);
        final Duration[] stopTook = new Duration[1];
        burst.run(STOP_AFTER_ACKS, () -> stopTook[0] = NetworkNodes.script("stop"), 1, Duration.ZERO,
            Duration.ofSeconds(300));
        final int acked = burst.acknowledgedInBurst();
        assertTrue(acked < CONVERSIONS, "the stop came too late to interrupt anything: " + burst.summary());
        assertEquals("stopped", NetworkNodes.status().path("state").asString(), "after stop every node is down");

        final Duration startTook = NetworkNodes.script("start");
        final long startReturned = System.nanoTime();
        assertEquals(secretsBefore, clientSecrets(), "client secrets changed across stop and start");
        for (final Map.Entry<String, ApiClient> client : clients.entrySet()) {
            // The token issued before the stop: its grant is in the gateway's database, which survived.
            final HttpResponse<String> withOldToken = client.getValue().send("GET", "/api/v1/platforms", null, null,
                tokensBefore.get(client.getKey()));
            assertEquals(200, withOldToken.statusCode(), client.getKey() + ": " + withOldToken.body());
        }
        final long firstRetryAck = burst.retryUnacknowledged(90, Duration.ofSeconds(1), Duration.ofSeconds(180))
            .orElseThrow();
        burst.assertRepeatsAnswerTheSameTransaction();

        FaultBurst.inParallel(IntStream.range(0, CONVERSIONS).boxed().toList(), i -> {
            final String user = users.get(i);
            assertEquals(100 - AMOUNT, ApiNetwork.balanceEventually(c, user, C, 100 - AMOUNT), user);
            assertEquals(amountOut, ApiNetwork.balanceEventually(c, user, A, amountOut), user);
            assertEquals(1, NetworkInvariants.receiptsOf(c, user, key(i)), "conversion " + key(i) + " in the history");
            return user;
        });
        final long height = NetworkInvariants.assertAll(clients);
        System.out.printf("network stop/start: %s; stop took %d ms, start %d ms; first retried conversion "
            + "acknowledged %d ms after start returned; invariants at height %d; test %d s%n", burst.summary(),
            stopTook[0].toMillis(), startTook.toMillis(), FaultBurst.since(startReturned, firstRetryAck).toMillis(),
            height, FaultBurst.since(started, System.nanoTime()).toSeconds());
    }

    private static Map<String, String> clientSecrets() throws Exception {
        final Map<String, String> secrets = new LinkedHashMap<>();
        final JsonNode gateways = NetworkNodes.status().path("gateways");
        for (final String platform : ApiNetwork.PLATFORMS) {
            secrets.put(platform, gateways.path(platform).path("clientSecret").asString());
            assertTrue(!secrets.get(platform).isEmpty(), "no client secret of " + platform);
        }
        return secrets;
    }

    private static String key(final int i) {
        return "stop-" + RUN + "-" + i;
    }
}
