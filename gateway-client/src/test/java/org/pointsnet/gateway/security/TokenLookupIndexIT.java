package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pointsnet.gateway.support.LocalPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * On PostgreSQL, migrated by the gateway's own Flyway scripts, the grant lookups the authorization server makes on
 * every request (access token), refresh (refresh token) and login (state, code) use an index instead of scanning every
 * grant, and the per-request token check ({@link IssuedAccessTokens}) reads the text columns PostgreSQL keeps. Runs with the end-to-end classes (failsafe, tag network) because it starts a throw-away PostgreSQL.
 */
@Tag("network")
class TokenLookupIndexIT {

    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
        Flyway.configure().dataSource(postgres.url(), "pointsnet", "")
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token_value", "refresh_token_value", "authorization_code_value", "state"})
    void aGrantIsFoundByItsValueThroughAnIndex(final String column) throws Exception {
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            // With sequential scans priced out, the plan names an index exactly when one covers the column.
            s.execute("SET enable_seqscan = off");
            final StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM oauth2_authorization WHERE " + column
                + " = 'sha256:x'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("Index Scan") || plan.toString().contains("Bitmap Index Scan"),
                column + ": " + plan);
        }
    }

    @Test
    void thePerRequestCheckReadsWhatTheAuthorizationServerWrote() {
        final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.url(), "pointsnet", ""));
        final HashedTokenAuthorizationService grants = Grants.store(jdbc);
        final IssuedAccessTokens tokens = new IssuedAccessTokens(jdbc);
        grants.save(Grants.grant("pg-1", "pg-access-1", "pg-refresh-1"));
        grants.save(Grants.grant("pg-2", "pg-access-2", "pg-refresh-2"));
        grants.save(Grants.revoked(grants.findByToken("pg-access-2", OAuth2TokenType.ACCESS_TOKEN)));

        assertEquals(IssuedAccessTokens.State.ACTIVE, tokens.state("pg-access-1"));
        assertEquals(IssuedAccessTokens.State.REVOKED, tokens.state("pg-access-2"));
        assertEquals(IssuedAccessTokens.State.UNKNOWN, tokens.state("pg-access-3"));
    }
}
