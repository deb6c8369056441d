package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API of API.md end to end against the live consortium ({@code ./test-network.sh up}, then
 * {@code mvn -Pe2e -pl gateway-client verify}): the money path through the gateways' {@code /api/v1}, with
 * balances read on every org's peer (a platform's back end reads only its own users on its own platform, so other
 * orgs' views come from the chaincode on their peers). Each call carries the platform back end's client_credentials
 * token.
 * Platforms are registered with the same fixed requests as {@link LedgerEndToEndIT}, so either test may run first.
 */
@Tag("network")
class RestApiEndToEndIT {

    private static final String A = ApiNetwork.A;
    private static final String B = ApiNetwork.B;
    private static final String C = ApiNetwork.C;
    private static final List<String> PLATFORMS = ApiNetwork.PLATFORMS;
    private static final String RUN = ApiNetwork.RUN;
    private static final JsonMapper JSON = ApiNetwork.JSON;

    private static Map<String, ApiClient> gateways;

    @BeforeAll
    static void findTheNetworkAndRegisterPlatforms() throws Exception {
        gateways = ApiNetwork.clients();
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        for (final String platform : PLATFORMS) {
            try (FabricConnection admin = network.connect(platform, Role.OPERATOR)) {
                LedgerCalls.registerPlatform(admin, platform);
            }
        }
    }

    @Test
    void issueBurnTransferAndBalancesEverywhere() throws Exception {
        final String u1 = ApiNetwork.user(gateways.get(A), "rest-" + RUN + "-1");
        final String u2 = ApiNetwork.user(gateways.get(A), "rest-" + RUN + "-2");
        final HttpResponse<String> issued = post(A, "/api/v1/issuances", "issue-rest-1",
            "{\"userId\":\"" + u1 + "\",\"amount\":1000,\"reason\":\"e2e\"}");
        assertEquals(200, issued.statusCode(), issued.body());
        final JsonNode receipt = JSON.readTree(issued.body());
        assertEquals("COMMITTED", receipt.path("status").asString(), issued.body());
        assertEquals("issue-rest-1-" + RUN, receipt.path("requestId").asString(), issued.body());
        assertTrue(receipt.path("blockNumber").asLong() > 0, issued.body());
        assertEquals(1000, receipt.path("postings").path(0).path("delta").asLong(), issued.body());

        // The same key and body replays the first receipt; the same key with another body is 409.
        final HttpResponse<String> replay = post(A, "/api/v1/issuances", "issue-rest-1",
            "{\"userId\":\"" + u1 + "\",\"amount\":1000,\"reason\":\"e2e\"}");
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals(receipt.path("txId").asString(), JSON.readTree(replay.body()).path("txId").asString());
        assertProblem(post(A, "/api/v1/issuances", "issue-rest-1", "{\"userId\":\"" + u1 + "\",\"amount\":1}"),
            409, "IDEMPOTENCY_KEY_REUSED");

        assertEquals(200, post(A, "/api/v1/burns", "burn-rest-1", "{\"userId\":\"" + u1 + "\",\"amount\":100}")
            .statusCode());
        final HttpResponse<String> transfer = post(A, "/api/v1/transfers", "transfer-rest-1",
            "{\"platformId\":\"" + A + "\",\"fromUserId\":\"" + u1 + "\",\"toUserId\":\"" + u2 + "\",\"amount\":300}");
        assertEquals(200, transfer.statusCode(), transfer.body());

        for (final String platform : PLATFORMS) {
            assertEquals(600, balance(platform, u1, A, 600), platform);
            assertEquals(300, balance(platform, u2, A, 300), platform);
        }

        final HttpResponse<String> history = get(A, "/api/v1/users/" + u1 + "/history?limit=2");
        assertEquals(200, history.statusCode(), history.body());
        assertEquals(2, JSON.readTree(history.body()).path("receipts").size(), history.body());

        // A platform reads only its own users: platform-b's token gets 403 for platform-a's user.
        assertProblem(get(B, "/api/v1/users/" + u1 + "/balances"), 403, "FORBIDDEN");
        assertProblem(get(B, "/api/v1/users/" + u1 + "/history"), 403, "FORBIDDEN");
        assertProblem(get(C, "/api/v1/users/" + u2 + "/history?limit=1"), 403, "FORBIDDEN");

        assertProblem(post(A, "/api/v1/burns", "overdraw-rest-2", "{\"userId\":\"" + u2 + "\",\"amount\":301}"),
            422, "INSUFFICIENT_BALANCE");
        assertProblem(post(A, "/api/v1/transfers", "foreign-rest-1",
            "{\"platformId\":\"" + B + "\",\"fromUserId\":\"" + u1 + "\",\"toUserId\":\"" + u2 + "\",\"amount\":1}"),
            403, "FORBIDDEN");
        assertProblem(post(A, "/api/v1/issuances", "bad-rest-1", "{\"userId\":\"" + u1 + "\",\"amount\":1.5}"),
            400, "VALIDATION_FAILED");
    }

    @Test
    void quotedConversionExecutesAsQuoted() throws Exception {
        final String user = ApiNetwork.user(gateways.get(A), "rest-conv-" + RUN);
        assertEquals(200, post(A, "/api/v1/issuances", "issue-rest-conv",
            "{\"userId\":\"" + user + "\",\"amount\":1000}").statusCode());
        final HttpResponse<String> quote = get(A, "/api/v1/quotes?from=" + A + "&to=" + B + "&amount=300");
        assertEquals(200, quote.statusCode(), quote.body());
        final long amountOut = JSON.readTree(quote.body()).path("amountOut").asLong();
        assertTrue(amountOut > 0, quote.body());

        final HttpResponse<String> converted = post(A, "/api/v1/conversions", "convert-rest-conv",
            "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
                + "\",\"amount\":300,\"minAmountOut\":" + amountOut + "}");
        assertEquals(200, converted.statusCode(), converted.body());
        for (final String platform : PLATFORMS) {
            assertEquals(700, balance(platform, user, A, 700), platform);
            assertEquals(amountOut, balance(platform, user, B, amountOut), platform);
        }
        // Through the API, platform-a's back end sees its user's platform-a balance only (the points on B need the
        // user's own token), and the user's history as far as it is on platform-a.
        final HttpResponse<String> balances = get(A, "/api/v1/users/" + user + "/balances");
        assertEquals(200, balances.statusCode(), balances.body());
        final JsonNode shown = JSON.readTree(balances.body()).path("balances");
        assertEquals(1, shown.size(), balances.body());
        assertEquals(A, shown.path(0).path("platformId").asString(), balances.body());
        assertEquals(700, shown.path(0).path("balance").asLong(), balances.body());
        assertProblem(get(B, "/api/v1/users/" + user + "/balances"), 403, "FORBIDDEN");
    }

    @Test
    void platformsAreListed() throws Exception {
        final HttpResponse<String> platforms = get(B, "/api/v1/platforms");
        assertEquals(200, platforms.statusCode(), platforms.body());
        final List<String> ids = new ArrayList<>();
        JSON.readTree(platforms.body()).forEach(p -> ids.add(p.path("platformId").asString()));
        assertTrue(ids.containsAll(PLATFORMS), platforms.body());
    }

    /** Polls the gateway's balance of {@code user} on {@code platform} until it is {@code expected} or time is up. */
    private static long balance(final String gateway, final String user, final String platform, final long expected)
        throws Exception {
        return ApiNetwork.balanceEventually(gateways.get(gateway), user, platform, expected);
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String code) {
        ApiNetwork.assertProblem(response, status, code);
    }

    private static HttpResponse<String> get(final String gateway, final String path) throws Exception {
        return gateways.get(gateway).get(path);
    }

    private static HttpResponse<String> post(final String gateway, final String path, final String key,
                                             final String json) throws Exception {
        return gateways.get(gateway).post(path, key + "-" + RUN, json);
    }
}
