package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.JwksServer;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.pointsnet.gateway.support.TokenForge;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code pointsnet.oauth.mode=external}: the gateway trusts another issuer's keys from its JWKS URL (served here by
 * a small HTTP server) with the same checks, and runs no authorization server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalIssuerTest {

    private static final Path DIR = Path.of("target", "test-external-" + UUID.randomUUID()).toAbsolutePath();
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "pointsnet-api";
    private static final ECKey KEY = SigningKeyFile.ephemeral();
    private static JwksServer jwks;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        jwks = JwksServer.serving(KEY);
        TestGatewayProperties.register(registry, DIR);
        registry.add("pointsnet.oauth.mode", () -> "external");
        registry.add("pointsnet.oauth.issuer", () -> ISSUER);
        registry.add("pointsnet.oauth.audience", () -> AUDIENCE);
        registry.add("pointsnet.oauth.jwk-set-uri", jwks::url);
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    private HttpResponse<String> platforms(final String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/platforms"))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(final ECKey key, final String issuer, final String audience) throws Exception {
        final Instant now = Instant.now();
        return TokenForge.sign(key, TokenForge.claims(issuer, "platform-a", now, now.plusSeconds(300))
            .audience(audience).build());
    }

    @Test
    void tokensOfTheExternalIssuerAreAccepted() throws Exception {
        final HttpResponse<String> response = platforms(token(KEY, ISSUER, AUDIENCE));
        // Past authentication and authorization: the (absent) peer answers.
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("LEDGER_UNAVAILABLE", OAuthClient.json(response.body()).get("code").asString());
    }

    @Test
    void otherKeysIssuersAndAudiencesAreRefused() throws Exception {
        assertEquals(401, platforms(token(TokenForge.impostor(KEY), ISSUER, AUDIENCE)).statusCode());
        assertEquals(401, platforms(token(KEY, "https://other.example", AUDIENCE)).statusCode());
        assertEquals(401, platforms(token(KEY, ISSUER, "another-api")).statusCode());
    }

    @Test
    void noEmbeddedAuthorizationServer() throws Exception {
        final HttpResponse<String> tokenEndpoint = new OAuthClient("http://127.0.0.1:" + port)
            .clientCredentials("platform-a-backend", TestGatewayProperties.CLIENT_SECRET, null);
        assertNotEquals(200, tokenEndpoint.statusCode(), tokenEndpoint.body());
        assertTrue(tokenEndpoint.statusCode() >= 400, tokenEndpoint.body());
    }
}
