package org.pointsnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.BlockEventListener;
import org.pointsnet.gateway.projection.ProjectionStore;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.RawHttp;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application wired for real, against a peer address where nothing listens: it must start, say it is
 * live but not ready, start the event listener, and turn ledger failures into 503 problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayApplicationTest {

    private static final Path DIR = Path.of("target", "test-gateway-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    int port;

    @Autowired
    BlockEventListener listener;

    @Autowired
    ProjectionStore projection;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        TestGatewayProperties.register(registry, DIR);
        registry.add("pointsnet.probe.enabled", () -> "true");
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** The request with a back end's token (client credentials, every scope). */
    private HttpRequest.Builder authorized(final String path) throws Exception {
        final String token = new OAuthClient("http://127.0.0.1:" + port)
            .token("platform-a-backend", TestGatewayProperties.CLIENT_SECRET);
        return request(path).header("Authorization", "Bearer " + token);
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, JsonMapper.shared().readTree(response.body()).get("code").asString(), response.body());
    }

    @Test
    void startsLiveButNotReadyWithoutAPeer() throws Exception {
        assertEquals(200, send(request("/health/live")).statusCode());

        final HttpResponse<String> ready = send(request("/health/ready"));
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", JsonMapper.shared().readTree(ready.body()).get("status").asString());

        assertTrue(listener.isRunning(), "event listener thread is not running");
        assertEquals(0, projection.nextBlock(), "the projection's schema is not in place or did not start at block 0");
        assertEquals("[]", send(authorized("/api/v1/probe/events")).body());
    }

    @Test
    void unreachablePeerIsA503ProblemWithoutInternals() throws Exception {
        final HttpResponse<String> response = send(authorized("/api/v1/probe/values")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"value\":\"v\"}")));

        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        final JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertEquals("LEDGER_UNAVAILABLE", problem.get("code").asString());
        assertFalse(response.body().contains("127.0.0.1"), response.body());
        assertFalse(response.body().contains("pointsnet.local"), response.body());
        assertFalse(response.body().toUpperCase().contains("GRPC"), response.body());
    }

    @Test
    void theProbeNeedsATokenEvenWhenEnabled() throws Exception {
        assertProblem(send(request("/api/v1/probe/events")), 401, "UNAUTHENTICATED");
        assertProblem(send(request("/api/v1/probe/values").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"value\":\"v\"}"))), 401, "UNAUTHENTICATED");
    }

    @Test
    void unknownPathsAndWrongMethodsAre404And405AfterAuthentication() throws Exception {
        // No token: 401 for everything under /api/v1, existing or not, so a stranger learns nothing of the API.
        assertProblem(send(request("/api/v1/no-such-thing")), 401, "UNAUTHENTICATED");
        assertProblem(send(request("/api/v1/issuances")), 401, "UNAUTHENTICATED");
        // With a token: 404 and 405 as HTTP says, never 403 or 500.
        assertProblem(send(authorized("/api/v1/no-such-thing")), 404, "NOT_FOUND");
        assertProblem(send(authorized("/api/v1/users/u1/balances/extra")), 404, "NOT_FOUND");
        final HttpResponse<String> wrongMethod = send(authorized("/api/v1/issuances"));
        assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""), wrongMethod.headers().map().toString());
        assertProblem(send(authorized("/api/v1/platforms").DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void queriesTomcatCannotDecodeAre400() throws Exception {
        final URI base = URI.create("http://127.0.0.1:" + port);
        final String token = new OAuthClient(base.toString())
            .token("platform-a-backend", TestGatewayProperties.CLIENT_SECRET);
        for (final String query : new String[] {"cursor=%%%%", "cursor=%zz", "limit=%", "%%=1", "cursor=%C0%AF",
            "cursor=%E2%82"}) {
            final RawHttp.Answer answer = RawHttp.get(base, "/api/v1/users/platform-a.u1/history?" + query, token);
            assertEquals(400, answer.status(), query + ": " + answer.body());
            assertEquals("application/problem+json", answer.contentType(), query);
            assertEquals("VALIDATION_FAILED", JsonMapper.shared().readTree(answer.body()).get("code").asString(),
                query + ": " + answer.body());
        }
        // Without a token the same request is 401 like any other.
        assertEquals(401, RawHttp.get(base, "/api/v1/users/platform-a.u1/history?cursor=%%%%", null).status());
    }

    @Test
    void requestsTomcatRefusesAreProblemsToo() throws Exception {
        final HttpResponse<String> response = send(request("/api/v1/users/u%00x/balances"));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("VALIDATION_FAILED", JsonMapper.shared().readTree(response.body()).get("code").asString());
        assertFalse(response.body().contains("Tomcat"), response.body());
    }
}
