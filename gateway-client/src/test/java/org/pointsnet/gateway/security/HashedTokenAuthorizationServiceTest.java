package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/** Tokens in the gateway's database (Flyway schema on H2): stored as hashes, found, refreshed and revoked by value. */
class HashedTokenAuthorizationServiceTest {

    private JdbcTemplate jdbc;
    private HashedTokenAuthorizationService service;

    @BeforeEach
    void store() {
        jdbc = new JdbcTemplate(TestDatabase.migratedH2());
        service = Grants.store(jdbc);
    }

    private OAuth2Authorization saved(final String accessValue, final String refreshValue) {
        final OAuth2Authorization grant = Grants.grant("g1", accessValue, refreshValue);
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
        service.save(OAuth2Authorization.from(found).accessToken(Grants.access("access-new")).build());

        assertEquals(HashedTokenAuthorizationService.hash("access-new"), column("access_token_value"));
        // Saving a grant read back does not hash the refresh token's hash again: it is still found by value.
        assertEquals(HashedTokenAuthorizationService.hash("refresh-value-4"), column("refresh_token_value"));
        assertNotNull(service.findByToken("access-new", OAuth2TokenType.ACCESS_TOKEN));
        assertNull(service.findByToken("access-old", OAuth2TokenType.ACCESS_TOKEN));
    }

    @Test
    void aRevokedTokenStaysRevoked() {
        saved("access-value-5", "refresh-value-5");
        service.save(Grants.revoked(service.findByToken("access-value-5", null)));
        assertTrue(service.findByToken("access-value-5", OAuth2TokenType.ACCESS_TOKEN).getAccessToken()
            .isInvalidated());
    }
}
