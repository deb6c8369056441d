package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Tokens in the gateway's database (Flyway schema on H2): stored as hashes, found, refreshed and revoked by value. */
class HashedTokenAuthorizationServiceTest {

    private static final RegisteredClient CLIENT = RegisteredClient.withId("c1").clientId("platform-a-backend")
        .clientSecret("{noop}s").clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).scope("points.read").build();
    private static final Instant NOW = Instant.now();

    private JdbcTemplate jdbc;
    private HashedTokenAuthorizationService service;

    @BeforeEach
    void store() {
        jdbc = new JdbcTemplate(TestDatabase.migratedH2());
        service = new HashedTokenAuthorizationService(
            new JdbcOAuth2AuthorizationService(jdbc, new InMemoryRegisteredClientRepository(CLIENT)));
    }

    private static OAuth2AccessToken access(final String value) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, NOW, NOW.plusSeconds(300),
            Set.of("points.read"));
    }

    private OAuth2Authorization saved(final String accessValue, final String refreshValue) {
        final OAuth2Authorization grant = OAuth2Authorization.withRegisteredClient(CLIENT).id("g1")
            .principalName("platform-a-backend").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .accessToken(access(accessValue))
            .refreshToken(new OAuth2RefreshToken(refreshValue, NOW, NOW.plusSeconds(3600)))
            .build();
        service.save(grant);
        return grant;
    }

    private String column(final String name) {
        return new String(jdbc.queryForObject("SELECT " + name + " FROM oauth2_authorization", byte[].class),
            java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theDatabaseHoldsOnlyHashesOfTheTokens() {
        saved("access-value-1", "refresh-value-1");
        assertEquals(HashedTokenAuthorizationService.hash("access-value-1"), column("access_token_value"));
        assertEquals(HashedTokenAuthorizationService.hash("refresh-value-1"), column("refresh_token_value"));
        assertFalse(column("access_token_value").contains("access-value-1"));
    }

    @Test
    void aTokenIsFoundByItsValueAndCarriesItAgain() {
        saved("access-value-2", "refresh-value-2");
        final OAuth2Authorization byAccess = service.findByToken("access-value-2", OAuth2TokenType.ACCESS_TOKEN);
        assertNotNull(byAccess);
        // Introspection and revocation find the token inside the grant by its value.
        assertNotNull(byAccess.getToken("access-value-2"));
        assertNotNull(service.findByToken("access-value-2", null).getToken("access-value-2"));
        assertNull(service.findByToken(HashedTokenAuthorizationService.hash("access-value-2").substring(7),
            OAuth2TokenType.ACCESS_TOKEN));
        assertNull(service.findByToken("access-value-3", OAuth2TokenType.ACCESS_TOKEN));
    }

    @Test
    void whatTheDatabaseHoldsIsNoTokenItself() {
        saved("access-value-6", "refresh-value-6");
        // Someone who copied the database presents the stored hashes: nothing is found.
        for (final OAuth2TokenType type : new OAuth2TokenType[] {OAuth2TokenType.ACCESS_TOKEN,
            OAuth2TokenType.REFRESH_TOKEN, null}) {
            assertNull(service.findByToken(column("access_token_value"), type));
            assertNull(service.findByToken(column("refresh_token_value"), type));
        }
    }

    @Test
    void refreshingReplacesTheAccessTokenAndKeepsEverythingHashed() {
        saved("access-old", "refresh-value-4");
        final OAuth2Authorization found = service.findByToken("refresh-value-4", OAuth2TokenType.REFRESH_TOKEN);
        assertEquals("refresh-value-4", found.getRefreshToken().getToken().getTokenValue());
        service.save(OAuth2Authorization.from(found).accessToken(access("access-new")).build());

        assertEquals(HashedTokenAuthorizationService.hash("access-new"), column("access_token_value"));
        // Saving a grant read back does not hash the refresh token's hash again: it is still found by value.
        assertEquals(HashedTokenAuthorizationService.hash("refresh-value-4"), column("refresh_token_value"));
        assertNotNull(service.findByToken("access-new", OAuth2TokenType.ACCESS_TOKEN));
        assertNull(service.findByToken("access-old", OAuth2TokenType.ACCESS_TOKEN));
    }

    @Test
    void aRevokedTokenStaysRevoked() {
        saved("access-value-5", "refresh-value-5");
        final OAuth2Authorization found = service.findByToken("access-value-5", null);
        final OAuth2Authorization.Token<OAuth2AccessToken> token = found.getAccessToken();
        service.save(OAuth2Authorization.from(found)
            .token(token.getToken(), metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME,
                true)).build());
        assertTrue(service.findByToken("access-value-5", OAuth2TokenType.ACCESS_TOKEN).getAccessToken()
            .isInvalidated());
    }
}
