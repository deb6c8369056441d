package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operations endpoints of every live gateway: ready (with its listener caught up), Prometheus metrics that
 * saw a real transaction's submit and commit, the OpenAPI document; all without a token.
 */
@Tag("network")
class OperationsEndToEndIT {

    @Test
    void everyGatewayIsReadyAndExportsLedgerAndListenerMetrics() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        ApiNetwork.issue(clients.get(A), ApiNetwork.user(clients.get(A), "ops-" + RUN), 1);
        for (final Map.Entry<String, ApiClient> entry : clients.entrySet()) {
            final ApiClient gateway = entry.getValue();
            assertEquals(200, gateway.get("/api/v1/platforms").statusCode(), entry.getKey());
            final HttpResponse<String> ready = gateway.send("GET", "/health/ready", null, null, null);
            assertEquals(200, ready.statusCode(), entry.getKey() + ": " + ready.body());
            final JsonNode checks = ApiNetwork.JSON.readTree(ready.body()).path("checks");
            for (final String check : List.of("peer", "orderers", "database", "listener", "platforms")) {
                assertEquals("UP", checks.path(check).path("status").asString(), entry.getKey() + " " + check + ": "
                    + ready.body());
            }
            assertEquals("3 of 3 reachable", checks.path("orderers").path("detail").asString(), ready.body());
            assertEquals(200, gateway.send("GET", "/openapi.json", null, null, null).statusCode());

            final String metrics = gateway.send("GET", "/metrics", null, null, null).body();
            final double lag = value(metrics, "pointsnet_listener_lag_blocks").orElse(-1.0);
            assertTrue(lag >= 0 && lag <= 20, entry.getKey() + " listener lag " + lag);
            assertTrue(metrics.contains("pointsnet_ledger_evaluate_seconds_count"), entry.getKey());
            // Nobody asked this gateway to reconcile in this test: the scheduler did, by itself.
            assertTrue(value(metrics, "pointsnet_reconciliation_last_success_timestamp_seconds").orElse(0.0) > 0,
                entry.getKey() + " never reconciled by itself");
            assertTrue(value(metrics, "pointsnet_reconciliation_block").orElse(-1.0) >= 0, entry.getKey());
        }
        final String metricsA = clients.get(A).send("GET", "/metrics", null, null, null).body();
        assertTrue(metricsA.lines().anyMatch(line -> line.startsWith("pointsnet_ledger_commit_seconds_count{")
            && line.contains("function=\"account:Issue\"") && line.contains("code=\"VALID\"")), "no commit timer");
        assertTrue(metricsA.lines().anyMatch(line -> line.startsWith("pointsnet_ledger_submit_seconds_count{")
            && line.contains("function=\"account:Issue\"")), "no submit timer");
    }

    private static Optional<Double> value(final String metrics, final String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
