package org.pointsnet.gateway.users;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** {@link UserCredentials} in the gateway's database (table {@code user_credential}): they survive restarts. */
public final class JdbcUserCredentials implements UserCredentials {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public JdbcUserCredentials(final JdbcClient jdbc, final PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void setPassword(final String userId, final CharSequence rawPassword) {
        final String hash = passwords.encode(rawPassword);
        // Update first, insert when absent; two first-time setters racing: the loser's insert fails, and it updates.
        if (update(userId, hash) == 0) {
            try {
                jdbc.sql("INSERT INTO user_credential (user_id, password_hash) VALUES (?, ?)").params(userId, hash)
                    .update();
            } catch (DuplicateKeyException e) {
                update(userId, hash);
            }
        }
    }

    @Override
    public Optional<String> passwordHash(final String userId) {
        return jdbc.sql("SELECT password_hash FROM user_credential WHERE user_id = ?").param(userId)
            .query(String.class).optional();
    }

    private int update(final String userId, final String hash) {
        return jdbc.sql("UPDATE user_credential SET password_hash = ? WHERE user_id = ?").params(hash, userId)
            .update();
    }
}
