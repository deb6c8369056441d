package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointsnet.gateway.fabric.FabricConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live consortium as the REST end-to-end tests see it: one {@link ApiClient} per platform (its back end's
 * client credentials from {@code status --json}), with the demo platforms registered, and the checks they share.
 */
final class ApiNetwork {

    static final String A = "platform-a";
    static final String B = "platform-b";
    static final String C = "platform-c";
    static final List<String> PLATFORMS = List.of(A, B, C);
    static final JsonMapper JSON = JsonMapper.shared();
    /** How long a peer may take to show what another peer committed. */
    static final Duration PEERS_CATCH_UP = Duration.ofSeconds(15);
    /** A suffix that keeps ids and Idempotency-Keys of one test run apart from earlier runs on the same network. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private ApiNetwork() {
    }

    /** A client per platform; fails unless every gateway answers. */
    static Map<String, ApiClient> clients() throws Exception {
        final Map<String, ApiClient> clients = new LinkedHashMap<>();
        NetworkStatus.answeringGatewayClients(PLATFORMS).forEach((id, gateway) -> clients.put(id, new ApiClient(gateway)));
        return clients;
    }

    /** Where the network's runtime files are (gateway signing keys, logs). */
    static Path runtime() {
        return Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize().resolve("runtime");
    }

    /** {@code POST /users}: the network user id of {@code platformUserId} on the client's platform. */
    static String user(final ApiClient client, final String platformUserId) throws Exception {
        final HttpResponse<String> response = client.post("/api/v1/users", "user-" + platformUserId,
            "{\"platformUserId\":\"" + platformUserId + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("userId").asString();
    }

    /** Issues {@code amount} of the client's points to {@code userId}; returns the receipt. */
    static JsonNode issue(final ApiClient client, final String userId, final long amount) throws Exception {
        final HttpResponse<String> response = client.post("/api/v1/issuances", "issue-" + userId + "-" + amount,
            "{\"userId\":\"" + userId + "\",\"amount\":" + amount + "}");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /**
     * The user's balance of {@code platform}'s points as the client's org reads it now: through its gateway when the
     * user is the client's platform's and the points are too; otherwise straight from the chaincode on the org's own
     * peer, since a platform's back end reads only its own users' balances on its own platform (403 / absent).
     */
    static long balance(final ApiClient client, final String userId, final String platform) throws Exception {
        final String own = platformOf(client);
        if (!own.equals(platform) || !userId.startsWith(own + ".")) {
            return ledgerBalance(own, userId, platform);
        }
        final HttpResponse<String> response = client.get("/api/v1/users/" + userId + "/balances");
        assertEquals(200, response.statusCode(), response.body());
        for (final JsonNode balance : JSON.readTree(response.body()).path("balances")) {
            if (platform.equals(balance.path("platformId").asString())) {
                return balance.path("balance").asLong();
            }
        }
        return 0;
    }

    /** The platform whose back end the client is ({@code <platform>-backend}). */
    static String platformOf(final ApiClient client) {
        return client.gateway().clientId().replaceFirst("-backend$", "");
    }

    private static final Map<String, FabricConnection> LEDGER_READERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code account:GetBalances} evaluated on {@code org}'s peer with its client identity: one platform's balance. */
    private static long ledgerBalance(final String org, final String userId, final String platform) {
        final FabricConnection reader = LEDGER_READERS.computeIfAbsent(org,
            p -> LedgerNetwork.fromSystemProperty().connect(p, LedgerNetwork.Role.CLIENT));
        return LedgerCalls.balance(reader, userId, platform);
    }

    /** Polls {@link #balance} until it is {@code expected} or {@link #PEERS_CATCH_UP} passed; returns the last. */
    static long balanceEventually(final ApiClient client, final String userId, final String platform,
                                  final long expected) throws Exception {
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (true) {
            final long seen = balance(client, userId, platform);
            if (seen == expected || System.nanoTime() > deadline) {
                return seen;
            }
            Thread.sleep(250);
        }
    }

    /** The number of receipts in the user's history (first page of up to 200). */
    static int historySize(final ApiClient client, final String userId) throws Exception {
        final HttpResponse<String> response = client.get("/api/v1/users/" + userId + "/history?limit=200");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("receipts").size();
    }

    /**
     * {@code GET /reconciliation} through {@code client}'s gateway: asserts that every platform's supply replayed
     * from events equals its on-chain supply, and returns the report.
     */
    static JsonNode assertReconciled(final ApiClient client) throws Exception {
        final HttpResponse<String> response = client.get("/api/v1/reconciliation");
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode report = JSON.readTree(response.body());
        assertTrue(report.path("balanced").asBoolean(false), response.body());
        assertTrue(report.path("platforms").size() >= PLATFORMS.size(), response.body());
        for (final JsonNode line : report.path("platforms")) {
            assertEquals(line.path("onChainSupply").asLong(), line.path("replayedSupply").asLong(), response.body());
            assertEquals(0, line.path("difference").asLong(), response.body());
        }
        return report;
    }

    /** A problem+json answer with {@code status} and {@code code} that leaks no peer names. */
    static void assertProblem(final HttpResponse<String> response, final int status, final String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
            "not problem+json: " + response.headers().map() + " " + response.body());
        assertEquals(code, JSON.readTree(response.body()).path("code").asString(), response.body());
        assertFalse(response.body().contains("pointsnet.local"), "peer host name leaked: " + response.body());
        assertFalse(response.body().toLowerCase().contains("grpc"), "gRPC detail leaked: " + response.body());
    }
}
