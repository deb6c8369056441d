package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is verified once per few minutes; its claims are checked on every request. */
class RememberedSignaturesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T04:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final AtomicBoolean claimsOk = new AtomicBoolean(true);
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final JwtDecoder signatureOnly = token -> {
        verified.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("client").expiresAt(T0.plusSeconds(3600))
            .build();
    };
    private final OAuth2TokenValidator<Jwt> checks = jwt -> claimsOk.get() ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token revoked", null));
    private final RememberedSignatures decoder = new RememberedSignatures(signatureOnly, checks, clock);

    @Test
    void theSameTokenIsVerifiedOnceAndDecodedEveryTime() {
        final Jwt first = decoder.decode("token-1");
        assertSame(first, decoder.decode("token-1"));
        decoder.decode("token-2");
        assertEquals(List.of("token-1", "token-2"), verified);
    }

    @Test
    void claimsAreCheckedOnEveryRequestEvenForARememberedToken() {
        decoder.decode("token-1");
        claimsOk.set(false);
        final JwtValidationException refused = assertThrows(JwtValidationException.class,
            () -> decoder.decode("token-1"));
        assertEquals("An error occurred while attempting to decode the Jwt: token revoked", refused.getMessage());
        claimsOk.set(true);
        decoder.decode("token-1");
        assertEquals(List.of("token-1", "token-1"), verified, "a refused token is forgotten, verified again");
    }

    @Test
    void aForgedSignatureIsRefusedEveryTimeAndNeverRemembered() {
        assertThrows(BadJwtException.class, () -> decoder.decode("forged-1"));
        assertThrows(BadJwtException.class, () -> decoder.decode("forged-1"));
        assertEquals(List.of("forged-1", "forged-1"), verified);
    }

    @Test
    void aSignatureIsVerifiedAgainOnceTheRememberedTimeIsOver() {
        decoder.decode("token-1");
        now = T0.plus(RememberedSignatures.REMEMBER).minusSeconds(1);
        decoder.decode("token-1");
        now = T0.plus(RememberedSignatures.REMEMBER);
        decoder.decode("token-1");
        assertEquals(List.of("token-1", "token-1"), verified);
    }

    @Test
    void atMostCapacityTokensAreRememberedTheLeastRecentlyUsedGoesFirst() {
        for (int i = 0; i <= RememberedSignatures.CAPACITY; i++) {
            decoder.decode("token-" + i);
        }
        verified.clear();
        decoder.decode("token-" + RememberedSignatures.CAPACITY);
        decoder.decode("token-0");
        assertEquals(List.of("token-0"), verified);
    }
}
