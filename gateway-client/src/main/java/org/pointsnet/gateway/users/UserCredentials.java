package org.pointsnet.gateway.users;

import java.util.Optional;

/** End users' sign-in passwords for the authorization server's login page, kept only as password hashes. */
public interface UserCredentials {

    /** Sets (or replaces) the password of {@code userId}; the raw password is hashed here and not kept. */
    void setPassword(String userId, CharSequence rawPassword);

    /** The stored hash of {@code userId}'s password, in the encoder's {@code {id}hash} form. */
    Optional<String> passwordHash(String userId);
}
