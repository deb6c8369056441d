package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
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
 * kill -9 platform-c's chaincode server in the middle of a burst of transfers through platform-c's gateway (whose
 * projection is in PostgreSQL): while it is down the transfers fail (its peer cannot endorse) and the gateway answers
 * 503 PLATFORM_UNAVAILABLE naming platform-c, with Retry-After, within 5 s of the kill; after
 * {@code ./test-network.sh start chaincode-platform-c} they succeed again without touching the peer or the gateway.
 * Retried with their keys, every transfer took effect exactly once. How long until the first failure and until the
 * first success after the start are measured and printed.
 */
@Tag("network")
class ChaincodeCrashEndToEndIT {

    private static final int TRANSFERS = 60;
    private static final int THREADS = 6;
    private static final int KILL_AFTER_ACKS = 10;
    private static final long AMOUNT = 3;
    private static final String VICTIM = "chaincode-" + C;
    private static final Duration FIRST_503_BOUND = Duration.ofSeconds(5);

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void transfersFailWhileTheChaincodeServerIsDownAndSucceedOnceAfterItsStart() throws Exception {
        final long started = System.nanoTime();
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient c = clients.get(C);
        final List<String> senders = FaultBurst.users(c, "cc-from-" + RUN, TRANSFERS, 50);
        final List<String> receivers = FaultBurst.users(c, "cc-to-" + RUN, TRANSFERS, 0);
        final List<FaultBurst.Op> ops =
            FaultBurst.transfers(C, senders, receivers, AMOUNT, ChaincodeCrashEndToEndIT::key);

        final FaultBurst burst = new FaultBurst(c, THREADS, ops);
        burst.run(KILL_AFTER_ACKS, () -> NetworkNodes.kill9(VICTIM), 1, Duration.ZERO, Duration.ofSeconds(300));
        final long firstFailure = burst.firstFailureAfterFault().orElseThrow(() -> new AssertionError(
            "no transfer failed while the chaincode server was down: " + burst.summary()));
        final int acked = burst.acknowledgedInBurst();
        assertTrue(acked < TRANSFERS, burst.summary());
        final List<FaultBurst.Attempt> named = burst.assertRefusalsSayPlatformUnavailable(C);
        final FaultBurst.Attempt first = burst.failuresInBurst().get(0);
        assertEquals("PLATFORM_UNAVAILABLE", first.code(), first.detail());
        assertTrue(FaultBurst.since(burst.faultNanos(), first.doneNanos()).compareTo(FIRST_503_BOUND) <= 0,
            "the first refusal came " + FaultBurst.since(burst.faultNanos(), first.doneNanos()).toMillis()
                + " ms after the kill");
        assertTrue(NetworkNodes.answers("peer-" + C) && NetworkNodes.answers("gateway-" + C),
            "the peer and the gateway kept running");

        final Duration startTook = NetworkNodes.script("start", VICTIM);
        final long startReturned = System.nanoTime();
        final long firstSuccess = burst.retryUnacknowledged(90, Duration.ofSeconds(1), Duration.ofSeconds(180))
            .orElseThrow();
        burst.assertRepeatsAnswerTheSameTransaction();

        FaultBurst.inParallel(IntStream.range(0, TRANSFERS).boxed().toList(), i -> {
            assertEquals(50 - AMOUNT, ApiNetwork.balanceEventually(c, senders.get(i), C, 50 - AMOUNT), key(i));
            assertEquals(AMOUNT, ApiNetwork.balanceEventually(c, receivers.get(i), C, AMOUNT), key(i));
            assertEquals(1, NetworkInvariants.receiptsOf(c, senders.get(i), key(i)), "transfer " + key(i));
            return key(i);
        });
        final long height = NetworkInvariants.assertAll(clients);
        System.out.printf("chaincode crash: %s; %d refusals were 503 PLATFORM_UNAVAILABLE naming %s; first failure %d "
            + "ms after the kill; start %s took %d ms; first "
            + "retried transfer acknowledged %d ms after it returned (%d ms after the kill); invariants at height %d; "
            + "test %d s%n", burst.summary(), named.size(), C,
            FaultBurst.since(burst.faultNanos(), firstFailure).toMillis(), VICTIM,
            startTook.toMillis(), FaultBurst.since(startReturned, firstSuccess).toMillis(),
            FaultBurst.since(burst.faultNanos(), firstSuccess).toMillis(), height,
            FaultBurst.since(started, System.nanoTime()).toSeconds());
    }

    private static String key(final int i) {
        return "cc-" + RUN + "-" + i;
    }
}
