package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.fabric.FabricConnection;
import tools.jackson.databind.JsonNode;

/**
 * Every gateway's event projection against the ledger after issuances, a conversion and a burn: platform-b keeps
 * its in embedded H2, platform-a (two gateways) and platform-c in PostgreSQL; all three replay the same supplies as
 * the chain holds, and a token without the clearing scope may not ask. Folding platform-a's supply deltas
 * (account:FoldSupply) changes no supply, leaves reconciliation balanced, is platform-a's alone, and a repeat is a
 * replay.
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

    @Test
    void foldingSupplyDeltasChangesNoSupplyAndOnlyTheOwnerMayFold() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final String user = ApiNetwork.user(clients.get(A), "fold-" + RUN);
        ApiNetwork.issue(clients.get(A), user, 40);
        ApiNetwork.issue(clients.get(A), user, 2);
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        try (FabricConnection clientA = network.connect(A, LedgerNetwork.Role.CLIENT);
             FabricConnection clientB = network.connect(B, LedgerNetwork.Role.CLIENT)) {
            JsonNode deltas = deltasOfA(clientA);

            // Platform-b's client may not fold platform-a's deltas, even on platform-a's peer: refused at
            // endorsement, so nothing is even ordered.
            final LedgerCalls.Outcome byB = LedgerCalls.submit(clientB, "account:FoldSupply",
                foldRequest("fold-b-" + RUN, deltas), network.mspId(A));
            assertNull(byB.code(), byB.toString());
            assertTrue(byB.endorsementError().contains("FORBIDDEN"), byB.toString());

            // Platform-a's own gateway may fold at the same time (fold-min-deltas): then list again and retry.
            LedgerCalls.Outcome folded = null;
            String supplyBefore = null;
            for (int attempt = 1; attempt <= 5 && folded == null; attempt++) {
                deltas = deltasOfA(clientA);
                if (deltas.isEmpty()) {
                    ApiNetwork.issue(clients.get(A), user, 1);
                    continue;
                }
                supplyBefore = LedgerCalls.evaluate(clientA, "account:AuditSupply", "{}").toString();
                final LedgerCalls.Outcome outcome = LedgerCalls.submitUntilNoConflict(clientA, "account:FoldSupply",
                    foldRequest("fold-a-" + RUN + "-" + attempt, deltas)).outcome();
                if (outcome.code() != null || !outcome.endorsementError().contains("NOT_FOUND")) {
                    folded = outcome;
                }
            }
            assertTrue(folded != null, "platform-a's gateway kept folding first");
            folded.requireValid("the fold");
            final JsonNode receipt = folded.json();
            assertEquals("FOLD_SUPPLY", receipt.path("type").asString(), receipt.toString());
            assertEquals(0, receipt.path("postings").size(), receipt.toString());
            assertEquals(deltas.size(), receipt.path("detail").path("deltas").asInt(), receipt.toString());

            assertEquals(supplyBefore, LedgerCalls.evaluate(clientA, "account:AuditSupply", "{}").toString());
            final Set<String> left = new HashSet<>();
            deltasOfA(clientA).forEach(d -> left.add(d.path("txId").asString()));
            deltas.forEach(d -> assertFalse(left.contains(d.path("txId").asString()), d + " is still listed"));

            // The same request again is a replay: the first receipt, nothing written.
            final LedgerCalls.Outcome again = LedgerCalls.submitUntilNoConflict(clientA, "account:FoldSupply",
                foldRequest(receipt.path("requestId").asString(), deltas)).outcome();
            again.requireValid("the repeated fold");
            assertEquals(receipt, again.json());
            assertEquals(supplyBefore, LedgerCalls.evaluate(clientA, "account:AuditSupply", "{}").toString());

            final long foldBlock = clientA.qscc().height() - 1;
            for (final String platform : ApiNetwork.PLATFORMS) {
                final JsonNode report = ApiNetwork.assertReconciled(clients.get(platform));
                if (A.equals(platform)) {
                    assertTrue(report.path("asOfBlock").asLong() >= foldBlock, report.toString());
                }
            }
        }
    }

    private static JsonNode deltasOfA(final FabricConnection clientA) {
        return LedgerCalls.evaluate(clientA, "account:GetSupplyDeltas", "{\"platformId\":\"" + A + "\"}");
    }

    private static String foldRequest(final String requestId, final JsonNode deltas) {
        final List<Map<String, String>> keys = new ArrayList<>();
        deltas.forEach(d -> keys.add(Map.of("day", d.path("day").asString(), "txId", d.path("txId").asString())));
        return LedgerCalls.json("requestId", requestId, "platformId", A, "deltas", keys);
    }
}
