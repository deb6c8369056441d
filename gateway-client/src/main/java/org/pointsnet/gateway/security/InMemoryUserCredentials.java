package org.pointsnet.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/** {@link UserCredentials} in the gateway's memory: a restart forgets them and the platform sets them again. */
public final class InMemoryUserCredentials implements UserCredentials {

    private final PasswordEncoder passwords;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    public InMemoryUserCredentials(final PasswordEncoder passwords) {
        this.passwords = passwords;
    }

    @Override
    public void setPassword(final String userId, final CharSequence rawPassword) {
        hashes.put(userId, passwords.encode(rawPassword));
    }

    @Override
    public Optional<String> passwordHash(final String userId) {
        return Optional.ofNullable(hashes.get(userId));
    }
}
