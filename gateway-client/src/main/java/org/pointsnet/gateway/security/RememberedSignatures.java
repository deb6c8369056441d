package org.pointsnet.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers for a few minutes that a bearer token's signature verified; every claims check (expiry, issuer, audience,
 * platform, token still known) still runs on every request. A client sends the same token with each request until it
 * expires, and verifying its signature again was the largest single part of the gateway's own work per REST call
 * (docs/benchmarks.md, "where a conversion's cost goes"). Tokens are remembered by their SHA-256 (as the authorization
 * store keeps them), never in clear; only tokens whose signature verified are remembered, so junk tokens cannot fill
 * the memory.
 */
final class RememberedSignatures implements JwtDecoder {
    /** How long a verified signature is trusted without verifying it again (as long as a JWK set is cached). */
    static final Duration REMEMBER = Duration.ofMinutes(5);
    /** Most tokens remembered at once; the least recently used is forgotten first. */
    static final int CAPACITY = 4096;
    // NimbusJwtDecoder's wording, so a refused token reads the same whether or not its signature was remembered.
    private static final String MESSAGE = "An error occurred while attempting to decode the Jwt: %s";

    private record Verified(Jwt jwt, Instant until) {}

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> checks;
    private final Clock clock;
    private final Map<String, Verified> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * @param signatureOnly parses a token and verifies its signature, checking no claims
     * @param checks every claims check, run on each call
     */
    RememberedSignatures(final JwtDecoder signatureOnly, final OAuth2TokenValidator<Jwt> checks, final Clock clock) {
        this.signatureOnly = signatureOnly;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public Jwt decode(final String token) throws JwtException {
        // The hash the authorization store keeps tokens under: the same one-way key, never the token in clear.
        final String key = HashedTokenAuthorizationService.hash(token);
        Jwt jwt = remembered(key);
        if (jwt == null) {
            jwt = signatureOnly.decode(token);
            remember(key, jwt);
        }
        final OAuth2TokenValidatorResult result = checks.validate(jwt);
        if (result.hasErrors()) {
            forget(key);
            throw new JwtValidationException(String.format(MESSAGE,
                result.getErrors().iterator().next().getDescription()), result.getErrors());
        }
        return jwt;
    }

    private synchronized Jwt remembered(final String key) {
        final Verified verified = recent.get(key);
        if (verified == null) {
            return null;
        }
        if (!clock.instant().isBefore(verified.until())) {
            recent.remove(key);
            return null;
        }
        return verified.jwt();
    }

    private synchronized void remember(final String key, final Jwt jwt) {
        recent.put(key, new Verified(jwt, clock.instant().plus(REMEMBER)));
    }

    private synchronized void forget(final String key) {
        recent.remove(key);
    }
}
