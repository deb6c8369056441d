package org.pointsnet.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pointsnet.gateway.web.ErrorCode;
import org.pointsnet.gateway.web.Problems;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for /api/v1: the RFC 6750 {@code WWW-Authenticate} header from Spring Security's bearer entry point, and an
 * UNAUTHENTICATED problem+json body whose detail says what was wrong with the token (never the token itself).
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(final HttpServletRequest request, final HttpServletResponse response,
                         final AuthenticationException failure) throws IOException {
        bearer.commence(request, response, failure);
        Problems.write(response, ErrorCode.UNAUTHENTICATED, detail(failure));
    }

    static String detail(final AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "The access token was refused: " + oauth.getError().getDescription();
        }
        return "This call needs an access token: Authorization: Bearer <token> (POST /oauth2/token).";
    }
}
