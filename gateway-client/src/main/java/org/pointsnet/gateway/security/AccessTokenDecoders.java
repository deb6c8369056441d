package org.pointsnet.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Builds the decoders that turn a bearer token into a validated {@link Jwt}; the checks are the same in both modes. */
public final class AccessTokenDecoders {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private AccessTokenDecoders() {
    }

    /** Verifies ES256 signatures with the embedded authorization server's own keys. */
    public static JwtDecoder embedded(final JWKSource<SecurityContext> keys, final OAuth2TokenValidator<Jwt> checks) {
        final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256), keys));
        // ES256 verified by BouncyCastle: JDK 17's P-256 verification cost several ms per request on the 2-core
        // benchmark machine, the largest share of the gateway's REST overhead after endorsement checks (issue 12).
        processor.setJWSVerifierFactory(verifiers());
        // Claims are checked by Spring's validators (one place, one error format), on every request.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return remembering(new NimbusJwtDecoder(processor), checks);
    }

    /** Verifies ES256 or RS256 signatures with the keys an external issuer publishes at {@code jwkSetUri}. */
    public static JwtDecoder external(final String jwkSetUri, final OAuth2TokenValidator<Jwt> checks) {
        final NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .jwtProcessorCustomizer(processor -> processor.setJWSVerifierFactory(verifiers()))
            .build();
        return remembering(decoder, checks);
    }

    /** {@code signatureOnly} checks no claims; {@code checks} run on every call, the signature once per token. */
    private static JwtDecoder remembering(final NimbusJwtDecoder signatureOnly,
                                          final OAuth2TokenValidator<Jwt> checks) {
        signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new RememberedSignatures(signatureOnly, checks, Clock.systemUTC());
    }

    /** Signature verifiers on the BouncyCastle provider. */
    private static DefaultJWSVerifierFactory verifiers() {
        final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        verifiers.getJCAContext().setProvider(BC);
        return verifiers;
    }

    /**
     * Expiry and not-before (60 s clock skew), issuer, audience, and the platform claim: a token names this
     * gateway's platform or is refused (a gateway signs only for its own platform), plus any extra checks.
     */
    @SafeVarargs
    public static OAuth2TokenValidator<Jwt> validators(final String issuer, final String audience,
                                                       final String platformId,
                                                       final OAuth2TokenValidator<Jwt>... extra) {
        final List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(JwtValidators.createDefaultWithIssuer(issuer));
        checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
            aud -> aud != null && aud.contains(audience)));
        checks.add(new JwtClaimValidator<String>(TokenClaims.PLATFORM_ID, platformId::equals));
        checks.addAll(List.of(extra));
        return new DelegatingOAuth2TokenValidator<>(checks);
    }
}
