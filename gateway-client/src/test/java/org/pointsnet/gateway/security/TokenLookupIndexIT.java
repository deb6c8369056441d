package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pointsnet.gateway.support.LocalPostgres;

/**
 * On PostgreSQL, migrated by the gateway's own Flyway scripts, the grant lookups the authorization server makes on
 * every request (access token), refresh (refresh token) and login (state, code) use an index instead of scanning every
 * grant. Runs with the end-to-end classes (failsafe, tag network) because it starts a throw-away PostgreSQL.
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
}
