package org.pointsnet.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pointsnet.gateway.web.ErrorCode;
import org.pointsnet.gateway.web.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 for /api/v1: {@code WWW-Authenticate: Bearer error="insufficient_scope"} and a FORBIDDEN problem. */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(final HttpServletRequest request, final HttpServletResponse response,
                       final AccessDeniedException denied) throws IOException {
        bearer.handle(request, response, denied);
        final String path = request.getRequestURI().substring(request.getContextPath().length());
        final String detail = ApiAuthorizationRules.requiredScope(HttpMethod.valueOf(request.getMethod()), path)
            .map(scope -> "The access token lacks the scope this call needs: '" + scope + "'.")
            .orElse("No scope grants this call.");
        Problems.write(response, ErrorCode.FORBIDDEN, detail);
    }
}
