package org.pointsnet.gateway.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** MockMvc requests carrying an already validated access token, as the resource server would see it. */
public final class ApiTokens {

    private ApiTokens() {
    }

    /** A platform back end's token with every scope. */
    public static RequestPostProcessor backend(final String platformId) {
        return backend(platformId, ApiScopes.ALL.toArray(String[]::new));
    }

    /** A platform back end's token with only {@code scopes}. */
    public static RequestPostProcessor backend(final String platformId, final String... scopes) {
        return jwt().jwt(token -> token.subject(platformId + "-backend").claim(TokenClaims.PLATFORM_ID, platformId))
            .authorities(authorities(scopes));
    }

    /** An end user's token (authorization code flow) with the user scopes. */
    public static RequestPostProcessor user(final String platformId, final String userId) {
        return jwt().jwt(token -> token.subject(userId).claim(TokenClaims.PLATFORM_ID, platformId)
                .claim(TokenClaims.USER_ID, userId))
            .authorities(authorities(ApiScopes.USER.toArray(String[]::new)));
    }

    private static GrantedAuthority[] authorities(final String... scopes) {
        return Arrays.stream(scopes).map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
            .toArray(GrantedAuthority[]::new);
    }
}
