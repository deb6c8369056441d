package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.pointsnet.gateway.support.TokenForge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * The embedded authorization server and the resource server of a whole gateway, over real HTTP: tokens, their
 * claims, every kind of bad token, scopes, revocation, introspection, metadata, and the authorization code flow
 * with PKCE through the login and consent pages. The peer is unreachable, so a call that passes authorization
 * answers 503 LEDGER_UNAVAILABLE; one that does not answers 401 or 403 before any ledger call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthFlowTest {

    private static final Path DIR = Path.of("target", "test-oauth-" + UUID.randomUUID()).toAbsolutePath();
    private static final String BACKEND = "platform-a-backend";
    private static final String APP = "platform-a-app";
    private static final String SECRET = TestGatewayProperties.CLIENT_SECRET;
    private static final String REDIRECT = TestGatewayProperties.APP_REDIRECT;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient grants;

    private OAuthClient oauth;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        TestGatewayProperties.register(registry, DIR);
    }

    // The real ledger client, with only user registration answered here (it would need the peer): POST /users
    // registers every id on the ledger before it returns it or stores a password.
    @MockitoSpyBean
    LedgerClient ledger;

    @BeforeEach
    void client() {
        oauth = new OAuthClient(base());
        doNothing().when(ledger).registerUser(any());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> api(final String method, final String path, final String token, final String body)
        throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "k-" + UUID.randomUUID());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, OAuthClient.json(response.body()).get("code").asString(), response.body());
    }

    private static void assertUnauthenticated(final HttpResponse<String> response, final String detailPart) {
        assertProblem(response, 401, "UNAUTHENTICATED");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
            response.headers().map().toString());
        final String detail = OAuthClient.json(response.body()).get("detail").asString();
        assertTrue(detail.contains(detailPart), detail);
    }

    @Test
    void clientCredentialsIssuesAShortLivedJwtNamingThePlatform() throws Exception {
        final HttpResponse<String> response = oauth.clientCredentials(BACKEND, SECRET, null);
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode body = OAuthClient.json(response.body());
        assertEquals("Bearer", body.get("token_type").asString());
        assertTrue(body.get("expires_in").asLong() <= 300, response.body());
        final JsonNode claims = OAuthClient.claims(body.get("access_token").asString());
        assertEquals(TestGatewayProperties.ISSUER, claims.get("iss").asString());
        final JsonNode aud = claims.get("aud");
        assertEquals(TestGatewayProperties.ISSUER, (aud.isArray() ? aud.get(0) : aud).asString(), claims.toString());
        assertEquals("platform-a", claims.get("platform_id").asString());
        assertEquals(BACKEND, claims.get("sub").asString());
        assertFalse(claims.has("user_id"));
        assertEquals(ApiScopes.ALL.size(), claims.get("scope").size(), claims.toString());
    }

    @Test
    void aValidTokenReachesTheLedgerCall() throws Exception {
        assertProblem(api("GET", "/api/v1/platforms", oauth.token(BACKEND, SECRET), null), 503, "LEDGER_UNAVAILABLE");
    }

    @Test
    void wrongClientSecretGetsNoToken() throws Exception {
        final HttpResponse<String> response = oauth.clientCredentials(BACKEND, SECRET + "x", null);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_client", OAuthClient.json(response.body()).get("error").asString());
    }

    @Test
    void badTokensAre401() throws Exception {
        assertUnauthenticated(api("GET", "/api/v1/platforms", null, null), "needs an access token");
        assertUnauthenticated(api("GET", "/api/v1/platforms", "not-a-jwt", null), "Malformed");

        final ECKey realKey = SigningKeyFile.load(TestGatewayProperties.signingKeyFile(DIR));
        final String issuer = TestGatewayProperties.ISSUER;
        final Instant now = Instant.now();
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(realKey,
            TokenForge.claims(issuer, "platform-a", now.minusSeconds(900), now.minusSeconds(600)).build()), null),
            "expired");
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(realKey,
            TokenForge.claims(issuer, "platform-a", now, now.plusSeconds(300)).audience("someone-else").build()),
            null), "aud");
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(realKey,
            TokenForge.claims(issuer, "platform-a", now, now.plusSeconds(300)).issuer("http://evil.test").build()),
            null), "iss");
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(realKey,
            TokenForge.claims(issuer, "platform-b", now, now.plusSeconds(300)).build()), null), "platform_id");
        // Right kid, right claims, but signed with another key.
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(TokenForge.impostor(realKey),
            TokenForge.claims(issuer, "platform-a", now, now.plusSeconds(300)).build()), null), "");
        // Signed with the real key and otherwise valid, but never issued: refused (a leaked key cannot mint tokens
        // that outlive the authorization server's knowledge).
        assertUnauthenticated(api("GET", "/api/v1/platforms", TokenForge.sign(realKey,
            TokenForge.claims(issuer, "platform-a", now, now.plusSeconds(300)).build()), null), "not known");

        // A token tampered with after issuance fails its signature.
        final String tampered = TokenForge.tamper(oauth.token(BACKEND, SECRET));
        assertUnauthenticated(api("GET", "/api/v1/platforms", tampered, null), "");
    }

    @Test
    void revokedTokenIs401AndIntrospectsInactive() throws Exception {
        final String token = oauth.token(BACKEND, SECRET);
        final HttpResponse<String> active = oauth.postAsClient("/oauth2/introspect", BACKEND, SECRET,
            Map.of("token", token));
        assertEquals(200, active.statusCode(), active.body());
        assertTrue(OAuthClient.json(active.body()).get("active").asBoolean(), active.body());
        assertProblem(api("GET", "/api/v1/platforms", token, null), 503, "LEDGER_UNAVAILABLE");

        final HttpResponse<String> revoked = oauth.postAsClient("/oauth2/revoke", BACKEND, SECRET,
            Map.of("token", token, "token_type_hint", "access_token"));
        assertEquals(200, revoked.statusCode(), revoked.body());

        assertUnauthenticated(api("GET", "/api/v1/platforms", token, null), "revoked");
        final HttpResponse<String> inactive = oauth.postAsClient("/oauth2/introspect", BACKEND, SECRET,
            Map.of("token", token));
        assertFalse(OAuthClient.json(inactive.body()).get("active").asBoolean(), inactive.body());
    }

    @Test
    void missingScopeIs403() throws Exception {
        final HttpResponse<String> response = oauth.clientCredentials(BACKEND, SECRET, "points.read");
        final String readOnly = OAuthClient.json(response.body()).get("access_token").asString();
        final HttpResponse<String> issue = api("POST", "/api/v1/issuances", readOnly,
            "{\"userId\":\"platform-a.u1\",\"amount\":1}");
        assertProblem(issue, 403, "FORBIDDEN");
        assertTrue(issue.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
        assertTrue(OAuthClient.json(issue.body()).get("detail").asString().contains("points.issue"));
        assertProblem(api("PUT", "/api/v1/platforms/platform-a/rules/fee", readOnly, "{}"), 403, "FORBIDDEN");
        assertProblem(api("GET", "/api/v1/settlements/2026-11-22", readOnly, null), 403, "FORBIDDEN");
    }

    @Test
    void operationsEndpointsAndMetadataNeedNoToken() throws Exception {
        assertEquals(200, oauth.getJson("/health/live").statusCode());
        final HttpResponse<String> metadata = oauth.getJson("/.well-known/oauth-authorization-server");
        assertEquals(200, metadata.statusCode(), metadata.body());
        final JsonNode document = OAuthClient.json(metadata.body());
        assertEquals(TestGatewayProperties.ISSUER, document.get("issuer").asString());
        assertEquals(TestGatewayProperties.ISSUER + "/oauth2/jwks", document.get("jwks_uri").asString());
        assertEquals(TestGatewayProperties.ISSUER + "/oauth2/introspect",
            document.get("introspection_endpoint").asString());
        assertEquals(TestGatewayProperties.ISSUER + "/oauth2/revoke", document.get("revocation_endpoint").asString());
        assertEquals("[\"S256\"]", document.get("code_challenge_methods_supported").toString());

        final JsonNode jwks = OAuthClient.json(oauth.getJson("/oauth2/jwks").body());
        assertEquals(1, jwks.get("keys").size());
        assertEquals("EC", jwks.get("keys").get(0).get("kty").asString());
        assertFalse(jwks.get("keys").get(0).has("d"), "private key published");
    }

    @Test
    void authorizationCodeWithPkceActsForTheSignedInUserOnly() throws Exception {
        final String backend = oauth.token(BACKEND, SECRET);
        final HttpResponse<String> registered = api("POST", "/api/v1/users", backend,
            "{\"platformUserId\":\"alice\",\"password\":\"correct horse battery\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        final String alice = OAuthClient.json(registered.body()).get("userId").asString();
        final String bob = OAuthClient.json(api("POST", "/api/v1/users", backend,
            "{\"platformUserId\":\"bob\"}").body()).get("userId").asString();

        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization first = new OAuthClient(base()).authorize(APP, REDIRECT,
            "points.read points.transfer", pkce, "alice", "correct horse battery");
        assertTrue(first.consentShown(), "no consent page the first time");
        final String code = first.code();

        final HttpResponse<String> wrongVerifier = oauth.exchange(APP, REDIRECT, code, Pkce.create().verifier());
        assertEquals(400, wrongVerifier.statusCode(), wrongVerifier.body());
        assertEquals("invalid_grant", OAuthClient.json(wrongVerifier.body()).get("error").asString());

        // The wrong verifier redeemed nothing; the rightful holder's exchange works, once.
        final HttpResponse<String> exchanged = oauth.exchange(APP, REDIRECT, code, pkce.verifier());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        final HttpResponse<String> replayed = oauth.exchange(APP, REDIRECT, code, pkce.verifier());
        assertEquals(400, replayed.statusCode(), replayed.body());
        assertEquals("invalid_grant", OAuthClient.json(replayed.body()).get("error").asString());

        // RFC 6749 §4.1.2: a replayed code also revokes the tokens issued from it.
        final String replayedToken = OAuthClient.json(exchanged.body()).get("access_token").asString();
        assertUnauthenticated(api("GET", "/api/v1/users/" + alice + "/balances", replayedToken, null), "revoked");

        // Signing in again: the consent given before is remembered.
        final Pkce second = Pkce.create();
        final OAuthClient.Authorization again = new OAuthClient(base()).authorize(APP, REDIRECT,
            "points.read points.transfer", second, "alice", "correct horse battery");
        assertFalse(again.consentShown(), "consent asked twice");
        final HttpResponse<String> fresh = oauth.exchange(APP, REDIRECT, again.code(), second.verifier());
        assertEquals(200, fresh.statusCode(), fresh.body());
        final String userToken = OAuthClient.json(fresh.body()).get("access_token").asString();
        final JsonNode claims = OAuthClient.claims(userToken);
        assertEquals(alice, claims.get("user_id").asString());
        // sub is the account's reference (a blind index), so the grant tables hold no user id in clear.
        assertFalse(claims.get("sub").asString().contains(alice.substring("platform-a.".length())));
        assertEquals("platform-a-app", claims.get("client_id").asString());
        assertEquals("platform-a", claims.get("platform_id").asString());

        // Own balances pass authorization (the ledger is down here); another user's are refused.
        assertProblem(api("GET", "/api/v1/users/" + alice + "/balances", userToken, null), 503, "LEDGER_UNAVAILABLE");
        assertProblem(api("GET", "/api/v1/users/" + bob + "/balances", userToken, null), 403, "FORBIDDEN");
        assertProblem(api("POST", "/api/v1/conversions", userToken, "{\"userId\":\"" + bob
            + "\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":5}"), 403, "FORBIDDEN");
        // A user token has no issuing scope.
        assertProblem(api("POST", "/api/v1/issuances", userToken, "{\"userId\":\"" + alice + "\",\"amount\":5}"),
            403, "FORBIDDEN");
    }

    @Test
    void tokensAndCodesAreStoredOnlyAsHashes() throws Exception {
        final String backend = oauth.token(BACKEND, SECRET);
        api("POST", "/api/v1/users", backend, "{\"platformUserId\":\"carol\",\"password\":\"carol's long secret\"}");
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization signedIn = new OAuthClient(base()).authorize(APP, REDIRECT, "points.read",
            pkce, "carol", "carol's long secret");
        final HttpResponse<String> exchanged = oauth.exchange(APP, REDIRECT, signedIn.code(), pkce.verifier());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        final String userToken = OAuthClient.json(exchanged.body()).get("access_token").asString();

        final String stored = everyGrantColumn();
        for (final String secret : new String[] {backend, userToken, signedIn.code()}) {
            assertFalse(stored.contains(secret), "a token or code is stored in the clear");
            assertTrue(stored.contains(HashedTokenAuthorizationService.hash(secret)), "its hash is not stored");
        }
        // Looked up by hash: the tokens still authenticate and introspect.
        assertProblem(api("GET", "/api/v1/platforms", backend, null), 503, "LEDGER_UNAVAILABLE");
        assertTrue(OAuthClient.json(oauth.postAsClient("/oauth2/introspect", BACKEND, SECRET,
            Map.of("token", userToken)).body()).get("active").asBoolean());
    }

    /** Every value of every row of the grants table, as text (binary columns as UTF-8). */
    private String everyGrantColumn() {
        final StringBuilder all = new StringBuilder();
        grants.sql("SELECT * FROM oauth2_authorization").query((row, n) -> {
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                final Object value = row.getObject(i);
                if (value instanceof byte[] bytes) {
                    all.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                } else if (value instanceof java.sql.Blob blob) {
                    all.append(new String(blob.getBytes(1, (int) blob.length()),
                        java.nio.charset.StandardCharsets.UTF_8));
                } else if (value instanceof java.sql.Clob clob) {
                    all.append(clob.getSubString(1, (int) clob.length()));
                } else {
                    all.append(value);
                }
                all.append('\n');
            }
            return n;
        }).list();
        return all.toString();
    }

    @Test
    void authorizationRequestsWithoutS256AreRefused() throws Exception {
        final String common = "/oauth2/authorize?response_type=code&client_id=" + APP + "&redirect_uri=" + REDIRECT
            + "&scope=points.read&state=s1";
        // No challenge at all: the app client requires PKCE.
        final HttpResponse<String> none = oauth.get(common);
        assertRedirectsWithError(none, "invalid_request");
        final HttpResponse<String> plain = oauth.get(common + "&code_challenge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
            + "&code_challenge_method=plain");
        assertRedirectsWithError(plain, "invalid_request");
    }

    @Test
    void wrongPasswordDoesNotSignIn() throws Exception {
        final String backend = oauth.token(BACKEND, SECRET);
        assertEquals(200, api("POST", "/api/v1/users", backend,
            "{\"platformUserId\":\"carol\",\"password\":\"carol's real password\"}").statusCode());
        final AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
            new OAuthClient(base()).authorize(APP, REDIRECT, "points.read", Pkce.create(), "carol", "guessing-guessing"));
        assertTrue(refused.getMessage().contains("/login?error"), refused.getMessage());
        assertProblem(api("POST", "/api/v1/users", backend,
            "{\"platformUserId\":\"dave\",\"password\":\"short\"}"), 400, "VALIDATION_FAILED");
    }

    private static void assertRedirectsWithError(final HttpResponse<String> response, final String error) {
        assertEquals(302, response.statusCode(), response.body());
        final String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(REDIRECT) && location.contains("error=" + error), location);
        assertNotEquals(-1, location.indexOf("state=s1"), location);
    }
}
