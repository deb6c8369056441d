package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.PLATFORMS;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The smoke-test probe is gone from the network {@code ./test-network.sh up} starts: {@code /api/v1/probe/**} is
 * 401 without a token and 404 with one, on every gateway, for reads and writes. What the probe used to show is
 * checked through the real API: a write through one org's gateway commits on its peer (REST → gateway → endorsing
 * peers → orderer → commit), and its chaincode event reaches every gateway's block listener (each projection
 * replays it, as of that block or later).
 */
@Tag("network")
class ProbeEndToEndIT {

    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(30);

    private static Map<String, ApiClient> gateways;

    @BeforeAll
    static void findTheNetwork() throws Exception {
        gateways = ApiNetwork.clients();
    }

    @Test
    void theProbeIsNotServedWithOrWithoutAToken() throws Exception {
        final String write = "{\"key\":\"e2e-probe-" + RUN + "\",\"value\":\"v\"}";
        for (final String platform : PLATFORMS) {
            final ApiClient gateway = gateways.get(platform);
            for (final String[] call : new String[][] {{"GET", "/api/v1/probe/events"},
                {"GET", "/api/v1/probe/values/hello"}, {"POST", "/api/v1/probe/values"}}) {
                final String body = "POST".equals(call[0]) ? write : null;
                final HttpResponse<String> stranger = gateway.send(call[0], call[1], null, body, null);
                assertProblem(stranger, 401, "UNAUTHENTICATED", platform + " " + call[1]);
                // The back end's token holds every scope, platform.admin included: still no probe.
                final HttpResponse<String> backend = gateway.send(call[0], call[1], null, body, gateway.token());
                assertProblem(backend, 404, "NOT_FOUND", platform + " " + call[1]);
            }
        }
    }

    @Test
    void aWriteThroughOneGatewayCommitsAndItsEventReachesEveryGateway() throws Exception {
        final ApiClient a = gateways.get(A);
        final String user = ApiNetwork.user(a, "probe-" + RUN);
        final JsonNode receipt = ApiNetwork.issue(a, user, 25);
        assertEquals("COMMITTED", receipt.path("status").asString(), receipt.toString());
        final long block = receipt.path("blockNumber").asLong();
        assertTrue(block > 0, receipt.toString());
        assertFalse(receipt.path("txId").asString("").isBlank(), receipt.toString());
        assertEquals(25, ApiNetwork.balanceEventually(a, user, A, 25));

        // Every gateway's listener received the block's event: its projection replays up to it and reconciles.
        final Map<String, GatewayProbe> seen = GatewayProbe.awaitCaughtUp(gateways, block, EVENT_ARRIVES);
        seen.forEach((platform, probe) -> assertTrue(probe.caughtUp(block),
            "the gateway of " + platform + " did not take the event of block " + block + ": " + probe));
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String code,
                                      final String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
            what + ": not problem+json: " + response.headers().map());
        assertEquals(code, JSON.readTree(response.body()).path("code").asString(), what + ": " + response.body());
    }
}
