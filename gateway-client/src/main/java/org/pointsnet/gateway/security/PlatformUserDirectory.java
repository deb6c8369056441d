package org.pointsnet.gateway.security;

import org.pointsnet.gateway.users.UserCredentials;
import org.pointsnet.gateway.users.UserIds;
import org.pointsnet.gateway.web.ApiRequestException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The login page's users: an end user signs in with their id on the platform and the password the platform set
 * for them ({@code POST /api/v1/users} with {@code password}). The authenticated name is the pseudonymous network
 * user id, so that is what the user's tokens carry; the platform's own user id never leaves the gateway.
 */
public final class PlatformUserDirectory implements UserDetailsService {

    private final String platformId;
    private final UserIds userIds;
    private final UserCredentials credentials;

    public PlatformUserDirectory(final String platformId, final UserIds userIds, final UserCredentials credentials) {
        this.platformId = platformId;
        this.userIds = userIds;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(final String platformUserId) {
        if (platformUserId == null || platformUserId.isEmpty() || platformUserId.length() > 128) {
            throw new UsernameNotFoundException("no such user");
        }
        final String userId;
        try {
            userId = userIds.userId(platformId, platformUserId);
        } catch (ApiRequestException e) {
            throw new UsernameNotFoundException("user ids are not configured on this gateway");
        }
        final String hash = credentials.passwordHash(userId)
            .orElseThrow(() -> new UsernameNotFoundException("no password set for this user"));
        return User.withUsername(userId).password(hash).roles("USER").build();
    }
}
