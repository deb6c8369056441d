package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
 * API.md's second way for a back end to authenticate at {@code POST /oauth2/token}: private_key_jwt (RFC 7523), a
 * client assertion signed with the back end's own key, whose public half the gateway reads from a JWKS URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivateKeyJwtTest {

    private static final Path DIR = Path.of("target", "test-pkjwt-" + UUID.randomUUID()).toAbsolutePath();
    private static final String CLIENT = "platform-a-backend";
    private static final ECKey CLIENT_KEY = SigningKeyFile.ephemeral();
    private static JwksServer jwks;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) throws Exception {
        jwks = JwksServer.serving(CLIENT_KEY);
        TestGatewayProperties.register(registry, DIR);
        registry.add("pointsnet.oauth.client-jwk-set-uri", jwks::url);
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    private HttpResponse<String> tokenWithAssertion(final ECKey key) throws Exception {
        final Instant now = Instant.now();
        final String issuer = TestGatewayProperties.ISSUER;
        final String assertion = TokenForge.sign(key, new JWTClaimsSet.Builder()
            .issuer(CLIENT).subject(CLIENT)
            .audience(List.of(issuer, issuer + "/oauth2/token"))
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString()).build());
        final String form = "grant_type=client_credentials&client_id=" + CLIENT
            + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                StandardCharsets.UTF_8)
            + "&client_assertion=" + assertion;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientAssertionSignedWithTheBackEndsKeyGetsAToken() throws Exception {
        final HttpResponse<String> response = tokenWithAssertion(CLIENT_KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("platform-a", OAuthClient.claims(OAuthClient.json(response.body()).get("access_token")
            .asString()).get("platform_id").asString());
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
        final HttpResponse<String> response = tokenWithAssertion(TokenForge.impostor(CLIENT_KEY));
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_client", OAuthClient.json(response.body()).get("error").asString());
    }
}
