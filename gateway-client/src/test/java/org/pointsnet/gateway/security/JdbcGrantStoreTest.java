package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.users.JdbcUserCredentials;
import org.pointsnet.gateway.users.PlatformUsers;
import org.pointsnet.gateway.users.PlatformUsersTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The authorization server's tables (Flyway V2 and V4 on H2): user passwords and the purge of expired grants. */
class JdbcGrantStoreTest {

    private JdbcClient jdbc;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @BeforeEach
    void migrate() {
        final DataSource data = TestDatabase.migratedH2();
        jdbc = JdbcClient.create(data);
    }

    @Test
    void passwordsAreStoredHashedAndReplaced() {
        final PlatformUsers users = PlatformUsersTest.users(jdbc);
        final JdbcUserCredentials credentials = new JdbcUserCredentials(users, passwords);
        final String userId = users.register("platform-a", "u1");
        credentials.setPassword(userId, "first password 1");
        credentials.setPassword(userId, "second password 2");

        final String hash = credentials.passwordHash(userId).orElseThrow();
        assertFalse(hash.contains("second password"), "stored in the clear");
        assertTrue(passwords.matches("second password 2", hash));
        assertFalse(passwords.matches("first password 1", hash));
        assertEquals(Optional.empty(), credentials.passwordHash("platform-a.nobody"));
    }

    @Test
    void grantsExpiredMoreThanAnHourAgoArePurgedOthersStay() {
        final Instant now = Instant.parse("2026-11-24T12:00:00Z");
        grant("old", now.minusSeconds(2 * 3600));
        grant("recent", now.minusSeconds(600));
        grant("live", now.plusSeconds(300));

        final int deleted = new ExpiredGrantsPurge(jdbc, Clock.fixed(now, ZoneOffset.UTC)).purge();

        assertEquals(1, deleted);
        assertEquals(2, jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization").query(Integer.class).single());
    }

    private void grant(final String id, final Instant accessTokenExpiry) {
        jdbc.sql("INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, "
                + "authorization_grant_type, access_token_expires_at) VALUES (?, 'c', 'p', 'client_credentials', ?)")
            .params(id, Timestamp.from(accessTokenExpiry)).update();
    }
}
