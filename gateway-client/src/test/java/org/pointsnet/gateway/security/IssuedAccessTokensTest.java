package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The per-request token check reads what the authorization server wrote (Flyway schema on H2, grants saved by the
 * same stores the gateway runs): known, revoked, replaced, removed. PostgreSQL's text columns: TokenLookupIndexIT.
 */
class IssuedAccessTokensTest {

    private HashedTokenAuthorizationService grants;
    private IssuedAccessTokens tokens;

    @BeforeEach
    void store() {
        final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migratedH2());
        grants = Grants.store(jdbc);
        tokens = new IssuedAccessTokens(jdbc);
    }

    @Test
    void anIssuedTokenIsActiveAndAnyOtherValueUnknown() {
        grants.save(Grants.grant("g1", "access-1", "refresh-1"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-1"));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-2"));
        // Neither the refresh token nor what the database holds (the hash) passes as the access token.
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("refresh-1"));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state(HashedTokenAuthorizationService.hash("access-1")));
    }

    @Test
    void aRevokedTokenIsRevokedAndItsNeighboursAreNot() {
        grants.save(Grants.grant("g1", "access-1", "refresh-1"));
        grants.save(Grants.grant("g2", "access-2", "refresh-2"));
        grants.save(Grants.revoked(grants.findByToken("access-1", OAuth2TokenType.ACCESS_TOKEN)));
        assertEquals(IssuedAccessTokens.State.REVOKED, tokens.state("access-1"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-2"));
    }

    @Test
    void aRefreshRetiresTheOldTokenAndARemovedGrantTakesItsTokenAlong() {
        grants.save(Grants.grant("g1", "access-old", "refresh-1"));
        final OAuth2Authorization found = grants.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN);
        grants.save(OAuth2Authorization.from(found).accessToken(Grants.access("access-new")).build());
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-old"));
        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("access-new"));

        grants.remove(grants.findByToken("access-new", OAuth2TokenType.ACCESS_TOKEN));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("access-new"));
    }
}
