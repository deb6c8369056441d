package org.pointsnet.gateway.security;

import org.pointsnet.gateway.users.PlatformUsers;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The login page's users: an end user signs in with their id on the platform and the password the platform set
 * for them ({@code POST /api/v1/users} with {@code password}). The authenticated name is the account's reference (a
 * blind index of the network user id), so the authorization server's tables hold no user id in clear; the token
 * customizer puts the network user id itself into the token ({@link TokenClaims#USER_ID}). The platform's own user
 * id never leaves the gateway. The platform's operator signs in here too, for the web console
 * ({@link ConsoleOperator}).
 */
public final class PlatformUserDirectory implements UserDetailsService {

    private final String platformId;
    private final PlatformUsers users;
    private final ConsoleOperator operator;

    public PlatformUserDirectory(final String platformId, final PlatformUsers users) {
        this(platformId, users, null);
    }

    /** With the console operator's login ({@link ConsoleOperator#LOGIN}), or none when {@code operator} is null. */
    public PlatformUserDirectory(final String platformId, final PlatformUsers users, final ConsoleOperator operator) {
        this.platformId = platformId;
        this.users = users;
        this.operator = operator;
    }

    @Override
    public UserDetails loadUserByUsername(final String platformUserId) {
        if (operator != null && ConsoleOperator.LOGIN.equals(platformUserId)) {
            return User.withUsername(ConsoleOperator.PRINCIPAL).password(operator.passwordHash())
                .roles(ConsoleOperator.ROLE).build();
        }
        if (platformUserId == null || platformUserId.isEmpty() || platformUserId.length() > 128) {
            throw new UsernameNotFoundException("no such user");
        }
        final PlatformUsers.Account account = users.find(platformId, platformUserId)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        final String hash = account.passwordHash()
            .orElseThrow(() -> new UsernameNotFoundException("no password set for this user"));
        return User.withUsername(account.userRef()).password(hash).roles("USER").build();
    }
}
