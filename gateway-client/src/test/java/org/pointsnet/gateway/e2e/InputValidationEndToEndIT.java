package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;
import static org.pointsnet.gateway.e2e.ApiNetwork.assertProblem;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * A malformed-input corpus through real HTTP with a valid token: every request is 400 VALIDATION_FAILED as
 * problem+json (query strings Tomcat cannot decode included: never a 500), and the user's balance and history are
 * the same afterwards (nothing reached the ledger). Unknown paths are 404 and wrong methods 405, once authenticated.
 * Credits to user ids nobody created are 404 USER_NOT_FOUND and change no balance, history or supply.
 */
@Tag("network")
class InputValidationEndToEndIT {

    private static ApiClient a;
    private static String user;

    /** One malformed request: method, path, body (null: none), whether to send an Idempotency-Key. */
    private record Bad(String what, String method, String path, String body, boolean key) {
    }

    @BeforeAll
    static void aUserWithPoints() throws Exception {
        a = ApiNetwork.clients().get(A);
        user = ApiNetwork.user(a, "input-" + RUN);
        ApiNetwork.issue(a, user, 100);
    }

    private static List<Bad> corpus() {
        final String u = user;
        final List<Bad> bad = new ArrayList<>();
        final String issue = "/api/v1/issuances";
        bad.add(new Bad("not JSON", "POST", issue, "{\"userId\":", true));
        bad.add(new Bad("JSON array", "POST", issue, "[1,2]", true));
        bad.add(new Bad("empty body", "POST", issue, "", true));
        bad.add(new Bad("amount as string", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":\"10\"}", true));
        bad.add(new Bad("userId as number", "POST", issue, "{\"userId\":7,\"amount\":10}", true));
        bad.add(new Bad("negative amount", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":-5}", true));
        bad.add(new Bad("zero amount", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":0}", true));
        bad.add(new Bad("fractional amount", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":1.5}", true));
        bad.add(new Bad("exponent amount", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":1e3}", true));
        bad.add(new Bad("overflowing amount", "POST", issue,
            "{\"userId\":\"" + u + "\",\"amount\":9223372036854775808}", true));
        bad.add(new Bad("over-long amount", "POST", issue,
            "{\"userId\":\"" + u + "\",\"amount\":" + "9".repeat(40) + "}", true));
        bad.add(new Bad("unknown field", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":1,\"admin\":true}", true));
        bad.add(new Bad("duplicate field", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":1,\"amount\":2}", true));
        bad.add(new Bad("missing amount", "POST", issue, "{\"userId\":\"" + u + "\"}", true));
        bad.add(new Bad("control char in id", "POST", issue, "{\"userId\":\"u\\u0007x\",\"amount\":1}", true));
        bad.add(new Bad("RTL override in id", "POST", issue, "{\"userId\":\"u\\u202ex\",\"amount\":1}", true));
        bad.add(new Bad("zero-width space in id", "POST", issue, "{\"userId\":\"u\\u200bx\",\"amount\":1}", true));
        bad.add(new Bad("over-long id", "POST", issue, "{\"userId\":\"" + "u".repeat(65) + "\",\"amount\":1}", true));
        bad.add(new Bad("1 MiB body", "POST", issue,
            "{\"userId\":\"" + u + "\",\"amount\":1,\"reason\":\"" + "x".repeat(1 << 20) + "\"}", true));
        bad.add(new Bad("missing Idempotency-Key", "POST", issue, "{\"userId\":\"" + u + "\",\"amount\":1}", false));
        bad.add(new Bad("bad platform id", "POST", "/api/v1/conversions", "{\"userId\":\"" + u
            + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"Platform B!\",\"amount\":1}", true));
        bad.add(new Bad("same platforms", "POST", "/api/v1/conversions", "{\"userId\":\"" + u
            + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + A + "\",\"amount\":1}", true));
        bad.add(new Bad("transfer to self", "POST", "/api/v1/transfers", "{\"platformId\":\"" + A
            + "\",\"fromUserId\":\"" + u + "\",\"toUserId\":\"" + u + "\",\"amount\":1}", true));
        bad.add(new Bad("zero quantity", "POST", "/api/v1/redemptions", "{\"userId\":\"" + u + "\",\"platformId\":\""
            + A + "\",\"rewardId\":\"r1\",\"quantity\":0}", true));
        bad.add(new Bad("encoded NUL in path", "GET", "/api/v1/users/u%00x/balances", null, false));
        bad.add(new Bad("quote amount not a number", "GET", "/api/v1/quotes?from=" + A + "&to=platform-b&amount=ten",
            null, false));
        bad.add(new Bad("history limit out of range", "GET", "/api/v1/users/" + u + "/history?limit=201", null, false));
        return bad;
    }

    @Test
    void malformedRequestsAre400AndChangeNothing() throws Exception {
        final long balance = ApiNetwork.balance(a, user, A);
        final int history = ApiNetwork.historySize(a, user);
        int n = 0;
        for (final Bad bad : corpus()) {
            final String key = bad.key() ? "input-" + RUN + "-" + n++ : null;
            final HttpResponse<String> response = a.send(bad.method(), bad.path(), key, bad.body(), a.token());
            try {
                assertProblem(response, 400, "VALIDATION_FAILED");
            } catch (AssertionError e) {
                throw new AssertionError(bad.what() + ": " + e.getMessage(), e);
            }
        }
        assertEquals(balance, ApiNetwork.balance(a, user, A), "a refused request changed the balance");
        assertEquals(history, ApiNetwork.historySize(a, user), "a refused request left a receipt");
    }

    /** Query strings a client can put on the wire but Tomcat cannot decode: 400, never 500. */
    @Test
    void undecodableQueriesAre400() throws Exception {
        final long balance = ApiNetwork.balance(a, user, A);
        final URI base = a.gateway().url();
        for (final String query : List.of("cursor=%%%%", "cursor=%zz", "limit=%", "%%=1", "cursor=%C0%AF",
            "cursor=%E2%82")) {
            final RawHttp.Answer answer = RawHttp.get(base, "/api/v1/users/" + user + "/history?" + query, a.token(),
                GatewayTrust.gateways());
            assertEquals(400, answer.status(), query + ": " + answer.body());
            assertTrue(answer.contentType().startsWith("application/problem+json"), query + ": " + answer.contentType());
            assertEquals("VALIDATION_FAILED", ApiNetwork.JSON.readTree(answer.body()).path("code").asString(),
                query + ": " + answer.body());
        }
        assertEquals(401, RawHttp.get(base, "/api/v1/users/" + user + "/history?cursor=%%%%", null,
            GatewayTrust.gateways()).status());
        assertEquals(balance, ApiNetwork.balance(a, user, A), "a refused request changed the balance");
    }

    /** Unknown paths and wrong methods: 401 without a token (nothing about the API leaks), then 404 and 405. */
    @Test
    void unknownPathsAre404AndWrongMethods405AfterAuthentication() throws Exception {
        final String[][] unknown = {{"GET", "/api/v1/no-such-thing"}, {"POST", "/api/v1/no-such-thing"},
            {"GET", "/api/v1/users/" + user + "/balances/extra"}, {"GET", "/api/v1/probe/events"}};
        final String[][] wrongMethod = {{"GET", "/api/v1/issuances"}, {"DELETE", "/api/v1/platforms"},
            {"PUT", "/api/v1/transfers"}, {"POST", "/api/v1/users/" + user + "/balances"}};
        for (final String[][] group : new String[][][] {unknown, wrongMethod}) {
            for (final String[] call : group) {
                assertProblem(a.send(call[0], call[1], null, null, null), 401, "UNAUTHENTICATED");
            }
        }
        for (final String[] call : unknown) {
            assertProblem(a.send(call[0], call[1], "input-" + RUN + "-404", "{}", a.token()), 404, "NOT_FOUND");
        }
        for (final String[] call : wrongMethod) {
            assertProblem(a.send(call[0], call[1], "input-" + RUN + "-405", "{}", a.token()), 405,
                "METHOD_NOT_ALLOWED");
        }
    }

    @Test
    void creditsToNeverCreatedIdsAre404AndChangeNothing() throws Exception {
        // Ids no platform could create (the gateway refuses them) and well-formed ids nobody registered (the
        // chaincode refuses them): points reach neither.
        final List<String> nobody = List.of("x", "nobody", "nobody-at-all", A + ".never-" + RUN,
            ApiNetwork.B + ".never-" + RUN, "platform-z.never-" + RUN);
        final long balance = ApiNetwork.balance(a, user, A);
        final int history = ApiNetwork.historySize(a, user);
        final JsonNode supply = supply();
        int n = 0;
        for (final String id : nobody) {
            final List<Bad> credits = List.of(
                new Bad("issuance to " + id, "POST", "/api/v1/issuances", "{\"userId\":\"" + id + "\",\"amount\":5}",
                    true),
                new Bad("transfer to " + id, "POST", "/api/v1/transfers", "{\"platformId\":\"" + A
                    + "\",\"fromUserId\":\"" + user + "\",\"toUserId\":\"" + id + "\",\"amount\":5}", true),
                new Bad("conversion to " + id, "POST", "/api/v1/conversions", "{\"userId\":\"" + user
                    + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + ApiNetwork.B
                    + "\",\"amount\":50,\"toUserId\":\"" + id + "\"}", true));
            for (final Bad credit : credits) {
                final HttpResponse<String> response = a.send(credit.method(), credit.path(), "nobody-" + RUN + "-" + n++,
                    credit.body(), a.token());
                try {
                    assertProblem(response, 404, "USER_NOT_FOUND");
                } catch (AssertionError e) {
                    throw new AssertionError(credit.what() + ": " + e.getMessage(), e);
                }
            }
        }
        assertEquals(balance, ApiNetwork.balance(a, user, A), "a refused credit changed the payer's balance");
        assertEquals(history, ApiNetwork.historySize(a, user), "a refused credit left a receipt");
        for (final String id : nobody.subList(3, nobody.size())) {
            assertEquals(0, ApiNetwork.balance(a, id, A), id + " holds points of " + A);
            assertEquals(0, ApiNetwork.balance(a, id, ApiNetwork.B), id + " holds points of " + ApiNetwork.B);
        }
        assertEquals(supply, supply(), "a refused credit changed a supply");
    }

    /** Every platform's supply and balance sum, as platform-a's peer computes them. */
    private static JsonNode supply() {
        try (FabricConnection client = LedgerNetwork.fromSystemProperty().connect(A, LedgerNetwork.Role.CLIENT)) {
            return LedgerCalls.evaluate(client, "account:AuditSupply", "{}");
        }
    }
}
