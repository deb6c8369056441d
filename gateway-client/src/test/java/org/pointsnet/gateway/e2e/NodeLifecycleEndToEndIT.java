package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle commands of {@code test-network.sh} on the live network: {@code status} reports every orderer's and
 * peer's height and one Raft leader; {@code restart postgres-platform-c} under a running gateway, which keeps
 * working on its PostgreSQL projection; {@code up} on a network with a crashed gateway starts just that gateway,
 * with the same client secret, and its clients' tokens keep working.
 */
@Tag("network")
class NodeLifecycleEndToEndIT {

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void statusShowsHeightsAndOneRaftLeader() throws Exception {
        final JsonNode status = NetworkNodes.status();
        assertEquals("up", status.path("state").asString(), status.toString());
        int leaders = 0;
        int orderers = 0;
        for (final JsonNode node : status.path("nodes")) {
            final String kind = node.path("kind").asString();
            if ("orderer".equals(kind) || "peer".equals(kind)) {
                assertTrue(node.path("height").asLong(0) > 0, "no height: " + node);
            }
            if ("orderer".equals(kind)) {
                orderers++;
                leaders += node.path("raftLeader").asBoolean(false) ? 1 : 0;
            }
        }
        assertTrue(orderers >= 1, status.toString());
        assertEquals(1, leaders, "exactly one Raft leader: " + status);
        assertTrue(NetworkNodes.names("database").contains("postgres-" + C), "status lists platform-c's PostgreSQL");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theProjectionDatabaseRestartsUnderItsRunningGateway() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient c = clients.get(C);
        final String user = ApiNetwork.user(c, "lifecycle-" + RUN);
        ApiNetwork.issue(c, user, 11);
        final long before = NetworkNodes.pid("postgres-" + C);

        NetworkNodes.script("restart", "postgres-" + C);
        assertNotEquals(before, NetworkNodes.pid("postgres-" + C), "PostgreSQL was not restarted");
        assertTrue(NetworkNodes.answers("gateway-" + C), "the gateway kept running");

        // The gateway's pool reconnects: the projection (in PostgreSQL) takes the next block and reconciles.
        ApiNetwork.issue(c, user, 12);
        final long height = NetworkInvariants.chainInfo(LedgerNetwork.fromSystemProperty(), C).height();
        final GatewayProbe probe = GatewayProbe.awaitCaughtUp(Map.of(C, c), height - 1, NetworkInvariants.SETTLE)
            .get(C);
        assertTrue(probe.caughtUp(height - 1), "gateway of platform-c after the database restart: " + probe);
        assertEquals(23, ApiNetwork.balance(c, user, C));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void upStartsWhatCrashedWithTheSameSecretAndTokens() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient b = clients.get(B);
        final String token = b.token();
        final String secret = NetworkNodes.status().path("gateways").path(B).path("clientSecret").asString();

        NetworkNodes.kill9("gateway-" + B);
        assertFalse(NetworkNodes.answers("gateway-" + B));
        assertEquals("degraded", NetworkNodes.status().path("state").asString());
        NetworkNodes.script("up");

        final JsonNode status = NetworkNodes.status();
        assertEquals("up", status.path("state").asString(), status.toString());
        assertEquals(secret, status.path("gateways").path(B).path("clientSecret").asString(), "secret changed");
        final HttpResponse<String> withOldToken = b.send("GET", "/api/v1/platforms", null, null, token);
        assertEquals(200, withOldToken.statusCode(), withOldToken.body());
        ApiNetwork.assertReconciled(b);
    }
}
