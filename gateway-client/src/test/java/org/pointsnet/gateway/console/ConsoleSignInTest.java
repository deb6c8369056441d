package org.pointsnet.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.security.ConsoleOperator;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * The web console on a whole gateway over real HTTP (the peer is unreachable): its pages and their CSP, the
 * operator's sign-in (authorization code + PKCE, every scope, no user id), that neither an end user nor the operator
 * can use the other's console client, and the two reads the console added to the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSignInTest {

    private static final Path DIR = Path.of("target", "test-console-" + UUID.randomUUID()).toAbsolutePath();
    private static final String OPERATOR_PASSWORD = "operator password 0123456789";
    private static final String OPERATOR_CLIENT = "platform-a-console-operator";
    private static final String PERSON_CLIENT = "platform-a-console";
    private static final String OPERATOR_REDIRECT = TestGatewayProperties.ISSUER + "/console/operator";
    private static final String PERSON_REDIRECT = TestGatewayProperties.ISSUER + "/console/me";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    LedgerClient ledger;

    private final HttpClient http = HttpClient.newHttpClient();
    private OAuthClient oauth;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        TestGatewayProperties.register(registry, DIR);
        registry.add("pointsnet.console.operator-password", () -> OPERATOR_PASSWORD);
    }

    @BeforeEach
    void client() {
        oauth = new OAuthClient(base());
        doNothing().when(ledger).registerUser(any());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(final String path, final String token) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(final String client, final String redirect, final String scope,
                                        final String login, final String password) throws Exception {
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization granted = new OAuthClient(base()).authorize(client, redirect, scope, pkce,
            login, password);
        assertFalse(granted.consentShown(), "the console is the platform's own: no consent page");
        return oauth.exchange(client, redirect, granted.code(), pkce.verifier());
    }

    private String alice() throws Exception {
        final String backend = oauth.token("platform-a-backend", TestGatewayProperties.CLIENT_SECRET);
        final HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/users"))
            .header("Authorization", "Bearer " + backend).header("Content-Type", "application/json")
            .header("Idempotency-Key", "k-" + UUID.randomUUID())
            .POST(HttpRequest.BodyPublishers.ofString("{\"platformUserId\":\"alice-console\","
                + "\"password\":\"alice console password\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, registered.statusCode(), registered.body());
        return OAuthClient.json(registered.body()).get("userId").asString();
    }

    @Test
    void pagesAreServedWithAContentSecurityPolicyOfThisOriginOnly() throws Exception {
        for (final String page : new String[] {"/console/operator", "/console/me", "/console/"}) {
            final HttpResponse<String> response = get(page, null);
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            assertEquals(ConsoleConfiguration.CONTENT_SECURITY_POLICY,
                response.headers().firstValue("Content-Security-Policy").orElse(""), page);
            assertFalse(response.body().contains("http://") || response.body().contains("https://"),
                page + " loads nothing from another origin");
        }
        final HttpResponse<String> script = get("/console/auth.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
            script.headers().map().toString());
        final JsonNode settings = OAuthClient.json(get("/console/settings.json", null).body());
        assertEquals("platform-a", settings.get("platformId").asString());
        assertEquals(OPERATOR_CLIENT, settings.get("operatorClientId").asString());
        assertEquals(ConsoleOperator.LOGIN, settings.get("operatorLogin").asString());
        assertEquals(Long.toString(Limits.MAX_AMOUNT), settings.get("maxAmount").asString());
        // Only the console's folder is served: nothing else on the classpath, no way out of it.
        assertEquals(404, get("/console/application.properties", null).statusCode());
        assertEquals(400, get("/console/../application.properties", null).statusCode());
    }

    @Test
    void theOperatorSignsInWithEveryScopeAndActsForThePlatform() throws Exception {
        final HttpResponse<String> exchanged = signIn(OPERATOR_CLIENT, OPERATOR_REDIRECT,
            "points.read platform.admin clearing", ConsoleOperator.LOGIN, OPERATOR_PASSWORD);
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        final String token = OAuthClient.json(exchanged.body()).get("access_token").asString();
        final JsonNode claims = OAuthClient.claims(token);
        assertEquals("platform-a", claims.get("platform_id").asString());
        assertEquals(OPERATOR_CLIENT, claims.get("client_id").asString());
        assertFalse(claims.has("user_id"), claims.toString());
        assertEquals(3, claims.get("scope").size(), claims.toString());

        // The console's reads: conversions per pair from the (empty) projection; the own rules need the peer (503).
        final HttpResponse<String> stats = get("/api/v1/conversions/stats?bucket=minute", token);
        assertEquals(200, stats.statusCode(), stats.body());
        assertEquals("minute", OAuthClient.json(stats.body()).get("bucket").asString());
        assertEquals(0, OAuthClient.json(stats.body()).get("points").size());
        final HttpResponse<String> badBucket = get("/api/v1/conversions/stats?bucket=week", token);
        assertEquals(400, badBucket.statusCode(), badBucket.body());
        assertEquals("VALIDATION_FAILED", OAuthClient.json(badBucket.body()).get("code").asString());
        assertEquals(503, get("/api/v1/platforms/platform-a/rules", token).statusCode());
        final HttpResponse<String> others = get("/api/v1/platforms/platform-b/rules", token);
        assertEquals(403, others.statusCode(), others.body());
    }

    @Test
    void theOperatorNeedsItsPassword() throws Exception {
        final Pkce pkce = Pkce.create();
        try {
            new OAuthClient(base()).authorize(OPERATOR_CLIENT, OPERATOR_REDIRECT, "clearing", pkce,
                ConsoleOperator.LOGIN, "not the operator password");
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError("signed in with a wrong password");
    }

    @Test
    void aPersonGetsNoOperatorTokenAndTheOperatorNoPersonToken() throws Exception {
        final String alice = alice();
        final HttpResponse<String> personAsOperator = signIn(OPERATOR_CLIENT, OPERATOR_REDIRECT, "platform.admin",
            "alice-console", "alice console password");
        assertEquals(400, personAsOperator.statusCode(), personAsOperator.body());
        assertEquals("access_denied", OAuthClient.json(personAsOperator.body()).get("error").asString());

        final HttpResponse<String> operatorAsPerson = signIn(PERSON_CLIENT, PERSON_REDIRECT, "points.read",
            ConsoleOperator.LOGIN, OPERATOR_PASSWORD);
        assertEquals(400, operatorAsPerson.statusCode(), operatorAsPerson.body());
        assertEquals("access_denied", OAuthClient.json(operatorAsPerson.body()).get("error").asString());

        final HttpResponse<String> person = signIn(PERSON_CLIENT, PERSON_REDIRECT,
            "points.read points.transfer points.redeem", "alice-console", "alice console password");
        assertEquals(200, person.statusCode(), person.body());
        final String token = OAuthClient.json(person.body()).get("access_token").asString();
        final JsonNode claims = OAuthClient.claims(token);
        assertEquals(alice, claims.get("user_id").asString());
        assertEquals(PERSON_CLIENT, claims.get("client_id").asString());
        // A person's token reads neither the platform's rules nor its conversions per pair.
        assertEquals(403, get("/api/v1/conversions/stats", token).statusCode());
        assertEquals(403, get("/api/v1/platforms/platform-a/rules", token).statusCode());
    }
}
