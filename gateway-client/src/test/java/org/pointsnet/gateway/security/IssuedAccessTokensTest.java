package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The per-request token check reads what the authorization server wrote (Flyway schema on H2, grants saved by the
 * same stores the gateway runs): known, revoked, replaced, removed. PostgreSQL's text columns: TokenLookupIndexIT.
 */
class IssuedAccessTokensTest {

    static final RegisteredClient CLIENT = RegisteredClient.withId("c1").clientId("platform-a-backend")
        .clientSecret("{noop}s").clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).scope("points.read").build();
    private static final Instant NOW = Instant.now();

    private HashedTokenAuthorizationService grants;
    private IssuedAccessTokens tokens;

    @BeforeEach
    void store() {
        final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migratedH2());
        grants = grants(jdbc);
        tokens = new IssuedAccessTokens(jdbc);
    }

    static HashedTokenAuthorizationService grants(final JdbcTemplate jdbc) {
        return new HashedTokenAuthorizationService(
            new JdbcOAuth2AuthorizationService(jdbc, new InMemoryRegisteredClientRepository(CLIENT)));
    }

    static OAuth2AccessToken access(final String value) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, NOW, NOW.plusSeconds(300),
            Set.of("points.read"));
    }

    static OAuth2Authorization grant(final String id, final String accessValue, final String refreshValue) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id(id)
            .principalName("platform-a-backend").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .accessToken(access(accessValue))
            .refreshToken(new OAuth2RefreshToken(refreshValue, NOW, NOW.plusSeconds(3600)))
            .build();
    }

    /** What {@code POST /oauth2/revoke} does to a grant: marks the token invalidated in its metadata. */
    static OAuth2Authorization revoked(final OAuth2Authorization grant) {
        return OAuth2Authorization.from(grant).invalidate(grant.getAccessToken().getToken()).build();
    }

    @Test
    void anIssuedTokenIsActiveAndAnyOtherValueUnknown() {
        grants.save(grant("g1", "access-1", "refresh-1"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-1"));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-2"));
        // Neither the refresh token nor what the database holds (the hash) passes as the access token.
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("refresh-1"));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state(HashedTokenAuthorizationService.hash("access-1")));
    }

    @Test
    void aRevokedTokenIsRevokedAndItsNeighboursAreNot() {
        grants.save(grant("g1", "access-1", "refresh-1"));
        grants.save(grant("g2", "access-2", "refresh-2"));
        grants.save(revoked(grants.findByToken("access-1", OAuth2TokenType.ACCESS_TOKEN)));
        assertEquals(IssuedAccessTokens.State.REVOKED, tokens.state("access-1"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-2"));
    }

    @Test
    void aRefreshRetiresTheOldTokenAndARemovedGrantTakesItsTokenAlong() {
        grants.save(grant("g1", "access-old", "refresh-1"));
        final OAuth2Authorization found = grants.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN);
        grants.save(OAuth2Authorization.from(found).accessToken(access("access-new")).build());
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-old"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-new"));

        grants.remove(grants.findByToken("access-new", OAuth2TokenType.ACCESS_TOKEN));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-new"));
    }
}
