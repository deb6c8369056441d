package org.pointsnet.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.pointsnet.gateway.users.UserIds;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The token-free operations endpoints of a whole gateway: Prometheus metrics, the OpenAPI document, and logs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

    private static final Path DIR = Path.of("target", "test-operations-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        TestGatewayProperties.register(registry, DIR);
    }

    private HttpResponse<String> get(final String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsArePrometheusTextWithRequestHistogramsErrorsByCodeAndListenerLag() throws Exception {
        assertEquals(200, get("/health/live").statusCode());
        assertEquals(401, get("/api/v1/platforms").statusCode());

        final HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
            metrics.headers().map().toString());
        final String text = metrics.body();
        assertTrue(text.contains("http_server_requests_seconds_bucket{") && text.contains("uri=\"/health/live\""),
            "no latency histogram per endpoint");
        assertTrue(text.lines().anyMatch(line -> line.startsWith("pointsnet_api_errors_total{")
            && line.contains("code=\"UNAUTHENTICATED\"") && line.contains("status=\"401\"")),
            "no error counter: " + text.lines().filter(l -> l.startsWith("pointsnet")).toList());
        assertTrue(text.contains("pointsnet_listener_lag_blocks"), "no listener lag gauge");
        // Exported from 0 for every reason, so an alert on increase() fires on the first set-aside event.
        assertTrue(text.lines().anyMatch(line -> line.startsWith("pointsnet_projection_events_set_aside_total{")
            && line.contains("reason=\"NOT_ENDORSED\"") && line.endsWith(" 0.0")),
            "no set-aside counter: " + text.lines().filter(l -> l.startsWith("pointsnet_projection")).toList());
        assertFalse(text.contains("uri=\"/api/v1/users/"), "a raw path with a user id became a label");
    }

    @Test
    void openApiDocumentListsTheApiAndItsOAuthScheme() throws Exception {
        final HttpResponse<String> response = get("/openapi.json");
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode document = OAuthClient.json(response.body());
        final List<String> expected = List.of("/api/v1/platforms", "/api/v1/users", "/api/v1/users/{userId}/balances",
            "/api/v1/users/{userId}/history", "/api/v1/issuances", "/api/v1/burns", "/api/v1/transfers",
            "/api/v1/quotes", "/api/v1/conversions", "/api/v1/rewards", "/api/v1/redemptions",
            "/api/v1/platforms/{id}/rules/rates/{toId}", "/api/v1/platforms/{id}/rules/fee",
            "/api/v1/platforms/{id}/rules/limits", "/api/v1/platforms/{id}/rewards/{rewardId}",
            "/api/v1/settlements/{period}", "/api/v1/settlements/{period}/close", "/api/v1/reconciliation");
        for (final String path : expected) {
            assertTrue(document.path("paths").has(path), "missing " + path + " in " + document.path("paths"));
        }
        document.path("paths").propertyNames().forEach(path ->
            assertFalse(path.startsWith("/api/v1/probe"), "the dev probe is documented: " + path));
        assertEquals("oauth2", document.path("components").path("securitySchemes").path("oauth2").path("type")
            .asString());
        assertEquals("/oauth2/token", document.path("components").path("securitySchemes").path("oauth2")
            .path("flows").path("clientCredentials").path("tokenUrl").asString());
    }

    @Test
    void logsAreJsonLinesWithUserIdsMaskedAndNoSecrets(final CapturedOutput output) throws Exception {
        final String userId = new UserIds("0123456789abcdef0123456789abcdef-test-key").userId("platform-a", "dora");
        LoggerFactory.getLogger(OperationsEndpointsTest.class).info("conversion refused for user {}", userId);
        final String token = new OAuthClient("http://127.0.0.1:" + port)
            .token("platform-a-backend", TestGatewayProperties.CLIENT_SECRET);

        final String line = output.getOut().lines().filter(l -> l.contains("conversion refused for user"))
            .findFirst().orElseThrow();
        assertTrue(line.startsWith("{") && line.contains("\"@timestamp\""), "not a structured line: " + line);
        assertTrue(line.contains(userId.substring(0, 17) + "…"), line);
        assertFalse(output.getAll().contains(userId), "a user id was logged in the clear");
        assertFalse(output.getAll().contains(token), "an access token was logged");
        assertFalse(output.getAll().contains(TestGatewayProperties.CLIENT_SECRET), "the client secret was logged");
    }
}
