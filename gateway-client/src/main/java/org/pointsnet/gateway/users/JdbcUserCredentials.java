package org.pointsnet.gateway.users;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;

/** {@link UserCredentials} in the gateway's database (the registered user's {@code platform_user} row). */
public final class JdbcUserCredentials implements UserCredentials {

    private final PlatformUsers users;
    private final PasswordEncoder passwords;

    public JdbcUserCredentials(final PlatformUsers users, final PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void setPassword(final String userId, final CharSequence rawPassword) {
        if (!users.setPasswordHash(userId, passwords.encode(rawPassword))) {
            throw new IllegalStateException("a password is set only for a user registered on this gateway");
        }
    }

    @Override
    public Optional<String> passwordHash(final String userId) {
        return users.passwordHash(userId);
    }
}
