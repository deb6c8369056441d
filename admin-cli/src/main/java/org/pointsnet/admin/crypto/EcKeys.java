package org.pointsnet.admin.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** ECDSA P-256 key pairs, the only curve Fabric's default crypto provider accepts for MSP keys. */
final class EcKeys {

    private EcKeys() {
    }

    static KeyPair generate(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /**
     * The key identifier for SKI/AKI: SHA-256 of the uncompressed public point, the same
     * value Fabric's cryptogen and BCCSP compute, so tools that match keys by SKI agree.
     */
    static byte[] keyIdentifier(PublicKey key) throws GeneralSecurityException {
        byte[] point = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return MessageDigest.getInstance("SHA-256").digest(point);
    }
}
