package org.pointsnet.gateway.security;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Refuses a signed, unexpired token that the embedded authorization server revoked ({@code POST /oauth2/revoke})
 * or does not know (issued before a restart, or forged with a stolen key). A JWT alone cannot be revoked; this is
 * the check that makes revocation take effect at once.
 */
public final class KnownTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final OAuth2AuthorizationService authorizations;

    public KnownTokenValidator(final OAuth2AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public OAuth2TokenValidatorResult validate(final Jwt token) {
        final OAuth2Authorization authorization =
            authorizations.findByToken(token.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null) {
            return failure("The token is not known to this issuer (issued before a restart?).");
        }
        final OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access == null || access.isInvalidated()) {
            return failure("The token was revoked.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(final String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
