package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every gateway's event projection against the ledger after issuances, a conversion and a burn: platform-b keeps
 * its in embedded H2, platform-a (two gateways) and platform-c in PostgreSQL; all three replay the same supplies as
 * the chain holds, and a token without the clearing scope may not ask.
 */
@Tag("network")
class ReconciliationEndToEndIT {

    @Test
    void everyGatewaysProjectionEqualsTheOnChainSupply() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final String user = ApiNetwork.user(clients.get(A), "recon-" + RUN);
        ApiNetwork.issue(clients.get(A), user, 500);
        ApiNetwork.issue(clients.get(C), ApiNetwork.user(clients.get(C), "recon-" + RUN), 70);
        final HttpResponse<String> converted = clients.get(A).post("/api/v1/conversions", "recon-conv-" + RUN,
            "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
                + "\",\"amount\":100}");
        assertEquals(200, converted.statusCode(), converted.body());

        // Each report is as of a block at or after the conversion's, so it includes it.
        final long conversionBlock = ApiNetwork.JSON.readTree(converted.body()).path("blockNumber").asLong();
        for (final String platform : ApiNetwork.PLATFORMS) {
            final JsonNode report = ApiNetwork.assertReconciled(clients.get(platform));
            assertTrue(report.path("asOfBlock").asLong() >= conversionBlock, platform + ": " + report);
        }

        final ApiClient a = clients.get(A);
        final HttpResponse<String> readOnly = a.oauth().clientCredentials(a.gateway().clientId(),
            a.gateway().clientSecret(), "points.read");
        final String token = ApiNetwork.JSON.readTree(readOnly.body()).path("access_token").asString();
        ApiNetwork.assertProblem(a.send("GET", "/api/v1/reconciliation", null, null, token), 403, "FORBIDDEN");
    }
}
