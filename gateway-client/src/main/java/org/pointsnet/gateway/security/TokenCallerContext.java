package org.pointsnet.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as the validated access token of the current request names it. */
public final class TokenCallerContext implements CallerContext {

    @Override
    public Optional<String> platformId() {
        return token().map(jwt -> jwt.getClaimAsString(TokenClaims.PLATFORM_ID));
    }

    @Override
    public Optional<String> userId() {
        return token().map(jwt -> jwt.getClaimAsString(TokenClaims.USER_ID));
    }

    private static Optional<Jwt> token() {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
            ? Optional.of(jwt) : Optional.empty();
    }
}
