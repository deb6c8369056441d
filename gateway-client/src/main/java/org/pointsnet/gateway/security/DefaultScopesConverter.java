package org.pointsnet.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client_credentials request without {@code scope} gets every scope registered for the client (RFC 6749 §3.3
 * lets the server pick a default), instead of a token that can do nothing. With {@code scope} the standard
 * converter handles the request and the token gets only what was asked for.
 */
final class DefaultScopesConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(final HttpServletRequest request) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
            || request.getParameter(OAuth2ParameterNames.SCOPE) != null) {
            return null;
        }
        final Authentication client = SecurityContextHolder.getContext().getAuthentication();
        if (!(client instanceof OAuth2ClientAuthenticationToken token) || token.getRegisteredClient() == null) {
            return null;
        }
        return new OAuth2ClientCredentialsAuthenticationToken(client, token.getRegisteredClient().getScopes(),
            Map.of());
    }
}
