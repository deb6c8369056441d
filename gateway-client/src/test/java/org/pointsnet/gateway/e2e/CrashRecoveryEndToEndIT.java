package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL platform-a's gateway in the middle of a burst of conversions, start it again, and retry what was not
 * acknowledged with the same Idempotency-Keys: every conversion took effect exactly once (balances, history), each
 * acknowledged one kept its transaction, and the restarted gateway's listener caught up so that its projection's
 * supply equals the on-chain supply of every platform.
 */
@Tag("network")
class CrashRecoveryEndToEndIT {

    private static final int USERS = 40;
    private static final int THREADS = 8;
    private static final int KILL_AFTER_ACKS = 10;

    @Test
    void conversionsSurviveAGatewayKilledMidBurstExactlyOnce() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient a = clients.get(A);
        final List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            final String user = ApiNetwork.user(a, "crash-" + RUN + "-" + i);
            ApiNetwork.issue(a, user, 100);
            users.add(user);
        }
        final String token = a.token();

        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger acks = new AtomicInteger();
        final CountDownLatch enoughAcks = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (final String user : users) {
            pool.submit(() -> {
                try {
                    final HttpResponse<String> response = a.send("POST", "/api/v1/conversions", key(user),
                        conversion(user), token);
                    if (response.statusCode() != 200) {
                        refused.add(response.statusCode() + " " + response.body());
                    } else {
                        acknowledged.put(user, JSON.readTree(response.body()).path("txId").asString());
                        if (acks.incrementAndGet() >= KILL_AFTER_ACKS) {
                            enoughAcks.countDown();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the gateway died under this request: not acknowledged, retried below
                }
                return null;
            });
        }
        assertTrue(enoughAcks.await(120, TimeUnit.SECONDS), "the burst never got going: " + refused);
        final long pid = gatewayPid(A);
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        pool.shutdown();
        assertTrue(pool.awaitTermination(180, TimeUnit.SECONDS), "requests still running after the kill");
        final int ackedBeforeKill = acknowledged.size();
        assertTrue(ackedBeforeKill < USERS, "the kill came too late to interrupt anything");

        runScript("start-gateway", A);
        // Grants are in the gateway's database: the token issued before the kill still works after the restart.
        final HttpResponse<String> withOldToken = a.send("GET", "/api/v1/platforms", null, null, token);
        assertEquals(200, withOldToken.statusCode(), withOldToken.body());

        for (final String user : users) {
            final HttpResponse<String> retried = a.post("/api/v1/conversions", key(user), conversion(user));
            assertEquals(200, retried.statusCode(), retried.body());
            final String txId = JSON.readTree(retried.body()).path("txId").asString();
            if (acknowledged.containsKey(user)) {
                assertEquals(acknowledged.get(user), txId, "a retry of an acknowledged conversion answered another tx");
            }
        }
        for (final String user : users) {
            assertEquals(90, ApiNetwork.balanceEventually(a, user, A, 90), user);
            assertEquals(5, ApiNetwork.balanceEventually(a, user, B, 5), user);
            int converts = 0;
            for (final JsonNode receipt : JSON.readTree(a.get("/api/v1/users/" + user + "/history?limit=200").body())
                .path("receipts")) {
                if (key(user).equals(receipt.path("requestId").asString())) {
                    converts++;
                }
            }
            assertEquals(1, converts, "conversion of " + user + " in the history " + converts + " times");
        }
        // The restarted gateway's listener resumed from its stored position: its projection matches the ledger.
        final JsonNode report = ApiNetwork.assertReconciled(a);
        System.out.printf("crash test: %d of %d conversions acknowledged before the SIGKILL of pid %d; "
            + "reconciled at block %d: %s%n", ackedBeforeKill, USERS, pid, report.path("asOfBlock").asLong(),
            report.path("platforms"));
    }

    /** At most 64 characters (the Idempotency-Key limit): the user id's random tail is unique enough. */
    private static String key(final String user) {
        return "crash-" + user.substring(user.length() - 40);
    }

    private static String conversion(final String user) {
        return "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
            + "\",\"amount\":10}";
    }

    private static long gatewayPid(final String platform) throws IOException {
        final Path file = ApiNetwork.runtime().resolve("pids/gateway-" + platform + ".pid");
        return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
    }

    private static void runScript(final String... args) throws Exception {
        final Path root = ApiNetwork.runtime().getParent();
        final List<String> command = new ArrayList<>(List.of(root.resolve("test-network.sh").toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "test-network.sh " + String.join(" ", args) + " hung");
        assertEquals(0, process.exitValue(), "test-network.sh " + String.join(" ", args) + " failed");
    }
}
