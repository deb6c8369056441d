package org.pointsnet.gateway.signatures;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;

/** The two algorithms a client key may use: RFC 9421's {@code ed25519} and {@code ecdsa-p256-sha256}. */
public enum SigningAlgorithm {
    /** EdDSA over Curve25519 (RFC 9421 section 3.3.6). */
    ED25519("ed25519", "Ed25519"),
    /** ECDSA P-256 with SHA-256, signature as r || s of 32 bytes each (RFC 9421 section 3.3.4). */
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSAinP1363Format");

    private final String alg;
    private final String jca;

    SigningAlgorithm(final String alg, final String jca) {
        this.alg = alg;
        this.jca = jca;
    }

    /** The {@code alg} parameter's value. */
    public String alg() {
        return alg;
    }

    /** The JDK's signature algorithm name. */
    public String jca() {
        return jca;
    }

    /** The algorithm of {@code key}; IllegalArgumentException for any other kind of key. */
    public static SigningAlgorithm of(final Key key) {
        if (key instanceof EdECKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256
            && ec.getParams().getOrder().bitLength() == 256) {
            return ECDSA_P256_SHA256;
        }
        throw new IllegalArgumentException("only Ed25519 and EC P-256 keys sign requests");
    }
}
