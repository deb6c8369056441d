package org.pointsnet.gateway.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a signed, unexpired token that the embedded authorization server revoked ({@code POST /oauth2/revoke})
 * or does not know (issued before a restart, or forged with a stolen key). A JWT alone cannot be revoked; this is
 * the check that makes revocation take effect at once.
 */
public final class KnownTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final IssuedAccessTokens tokens;

    public KnownTokenValidator(final IssuedAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2TokenValidatorResult validate(final Jwt token) {
        return switch (tokens.state(token.getTokenValue())) {
            case UNKNOWN -> failure("The token is not known to this issuer (issued before a restart?).");
            case REVOKED -> failure("The token was revoked.");
            case ACTIVE -> OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult failure(final String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
