package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;
import static org.pointsnet.gateway.e2e.ApiNetwork.assertProblem;

import com.nimbusds.jose.jwk.ECKey;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.security.SigningKeyFile;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;
import org.pointsnet.gateway.support.TokenForge;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2.0 against the live consortium, through real HTTP: every kind of bad token is 401, a missing scope or
 * another platform's resource is 403, and the ledger is unchanged after each; an end user's authorization code +
 * PKCE flow through platform-a's login and consent pages yields a token that converts the user's own points.
 */
@Tag("network")
class SecurityEndToEndIT {

    private static final String ISSUE_BODY = "{\"userId\":\"%s\",\"amount\":1}";

    private static Map<String, ApiClient> clients;
    private static ApiClient a;
    private static String user;

    @BeforeAll
    static void aUserWithPoints() throws Exception {
        clients = ApiNetwork.clients();
        a = clients.get(A);
        user = ApiNetwork.user(a, "sec-" + RUN);
        ApiNetwork.issue(a, user, 100);
    }

    @Test
    void badTokensAre401AndChangeNothing() throws Exception {
        final long balance = ApiNetwork.balance(a, user, A);
        final int history = ApiNetwork.historySize(a, user);
        final String issuer = a.gateway().url().toString().replaceAll("/$", "");
        final ECKey key = SigningKeyFile.load(ApiNetwork.runtime().resolve("platforms/platform-a/oauth-signing-key.json"));
        final Instant now = Instant.now();

        final String revoked = a.oauth().token(a.gateway().clientId(), a.gateway().clientSecret());
        final HttpResponse<String> revocation = a.oauth().postAsClient("/oauth2/revoke", a.gateway().clientId(),
            a.gateway().clientSecret(), Map.of("token", revoked));
        assertEquals(200, revocation.statusCode(), revocation.body());

        final Map<String, String> bad = new LinkedHashMap<>();
        bad.put("none", null);
        bad.put("malformed", "not.a.jwt");
        bad.put("expired", TokenForge.sign(key,
            TokenForge.claims(issuer, A, now.minusSeconds(900), now.minusSeconds(600)).build()));
        bad.put("wrong signature", TokenForge.sign(TokenForge.impostor(key),
            TokenForge.claims(issuer, A, now, now.plusSeconds(300)).build()));
        bad.put("tampered", TokenForge.tamper(a.token()));
        bad.put("wrong audience", TokenForge.sign(key,
            TokenForge.claims(issuer, A, now, now.plusSeconds(300)).audience("https://elsewhere.example").build()));
        bad.put("wrong issuer", TokenForge.sign(key,
            TokenForge.claims(issuer, A, now, now.plusSeconds(300)).issuer("https://evil.example").build()));
        bad.put("revoked", revoked);
        bad.put("platform-b's token", clients.get(B).token());

        for (final Map.Entry<String, String> token : bad.entrySet()) {
            final HttpResponse<String> response = a.send("POST", "/api/v1/issuances",
                "bad-token-" + RUN + "-" + token.getKey().replace(' ', '-'), ISSUE_BODY.formatted(user),
                token.getValue());
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                token.getKey());
        }
        assertEquals(balance, ApiNetwork.balance(a, user, A), "a refused call changed the balance");
        assertEquals(history, ApiNetwork.historySize(a, user), "a refused call left a receipt");
    }

    @Test
    void missingScopeAndOtherPlatformsResourcesAre403AndChangeNothing() throws Exception {
        final long balance = ApiNetwork.balance(a, user, A);
        final HttpResponse<String> readOnly = a.oauth().clientCredentials(a.gateway().clientId(),
            a.gateway().clientSecret(), "points.read");
        final String readToken = JSON.readTree(readOnly.body()).path("access_token").asString();

        assertProblem(a.send("POST", "/api/v1/issuances", "scope-" + RUN, ISSUE_BODY.formatted(user), readToken),
            403, "FORBIDDEN");
        assertProblem(a.put("/api/v1/platforms/" + B + "/rules/fee", "fee-" + RUN,
            "{\"basisPoints\":1,\"minFee\":0,\"maxFee\":10}"), 403, "FORBIDDEN");
        assertProblem(a.post("/api/v1/transfers", "foreign-transfer-" + RUN, "{\"platformId\":\"" + B
            + "\",\"fromUserId\":\"" + user + "\",\"toUserId\":\"" + B + ".x-" + RUN + "\",\"amount\":1}"), 403, "FORBIDDEN");
        assertProblem(a.post("/api/v1/conversions", "foreign-convert-" + RUN, "{\"userId\":\"" + user
            + "\",\"fromPlatformId\":\"" + B + "\",\"toPlatformId\":\"" + A + "\",\"amount\":1}"), 403, "FORBIDDEN");
        assertProblem(a.put("/api/v1/platforms/" + B + "/rewards/r1", "foreign-reward-" + RUN,
            "{\"name\":\"x\",\"points\":1,\"stock\":1}"), 403, "FORBIDDEN");

        assertEquals(balance, ApiNetwork.balance(a, user, A), "a refused call changed the balance");
    }

    @Test
    void authorizationCodeWithPkceLetsTheAppActForItsUserOnly() throws Exception {
        final String platformUser = "pkce-" + RUN;
        final String password = "pkce password " + RUN;
        final HttpResponse<String> registered = a.post("/api/v1/users", "pkce-user-" + RUN,
            "{\"platformUserId\":\"" + platformUser + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        final String alice = JSON.readTree(registered.body()).path("userId").asString();
        ApiNetwork.issue(a, alice, 50);

        final String app = A + "-app";
        final String redirect = "https://127.0.0.1/callback";
        final String base = a.gateway().url().toString().replaceAll("/$", "");
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization granted = new OAuthClient(base, GatewayTrust.gateways()).authorize(app, redirect,
            "points.read points.transfer", pkce, platformUser, password);
        assertTrue(granted.consentShown(), "the user was not asked to consent");

        final HttpResponse<String> wrongVerifier = a.oauth().exchange(app, redirect, granted.code(),
            Pkce.create().verifier());
        assertEquals(400, wrongVerifier.statusCode(), wrongVerifier.body());
        assertEquals("invalid_grant", JSON.readTree(wrongVerifier.body()).path("error").asString());

        final HttpResponse<String> exchanged = a.oauth().exchange(app, redirect, granted.code(), pkce.verifier());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        final String userToken = JSON.readTree(exchanged.body()).path("access_token").asString();
        assertEquals(alice, OAuthClient.claims(userToken).path("user_id").asString());

        final HttpResponse<String> own = a.send("GET", "/api/v1/users/" + alice + "/balances", null, null, userToken);
        assertEquals(200, own.statusCode(), own.body());
        assertProblem(a.send("GET", "/api/v1/users/" + user + "/balances", null, null, userToken), 403, "FORBIDDEN");
        assertProblem(a.send("POST", "/api/v1/issuances", "pkce-issue-" + RUN, ISSUE_BODY.formatted(alice),
            userToken), 403, "FORBIDDEN");

        final HttpResponse<String> converted = a.send("POST", "/api/v1/conversions", "pkce-convert-" + RUN,
            "{\"userId\":\"" + alice + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
                + "\",\"amount\":20}", userToken);
        assertEquals(200, converted.statusCode(), converted.body());
        final JsonNode receipt = JSON.readTree(converted.body());
        assertEquals("COMMITTED", receipt.path("status").asString());
        assertEquals(30, ApiNetwork.balanceEventually(a, alice, A, 30));
        assertFalse(receipt.path("postings").isEmpty(), converted.body());
    }
}
