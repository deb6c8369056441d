package org.pointsnet.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.pointsnet.gateway.security.SigningKeyFile;

/** Builds the bad tokens of the security tests: expired, wrong audience or issuer, wrong key, tampered. */
public final class TokenForge {

    private TokenForge() {
    }

    /** Claims of a back-end token of {@code platformId} with scope points.issue and points.read. */
    public static JWTClaimsSet.Builder claims(final String issuer, final String platformId, final Instant issuedAt,
                                              final Instant expiresAt) {
        return new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(List.of(issuer))
            .subject(platformId + "-backend")
            .claim("platform_id", platformId)
            .claim("scope", List.of("points.read", "points.issue"))
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString());
    }

    public static String sign(final ECKey key, final JWTClaimsSet claims) throws JOSEException {
        final SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
            claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** Another key that claims the real key's id. */
    public static ECKey impostor(final ECKey real) {
        return new ECKey.Builder(SigningKeyFile.ephemeral()).keyID(real.getKeyID()).build();
    }

    /** The token with two characters of its payload changed, signature kept. */
    public static String tamper(final String jwt) {
        final String[] parts = jwt.split("\\.");
        return parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    }
}
