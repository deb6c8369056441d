package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.support.TestPki;

/** The signing key is loaded as a BouncyCastle key (issue 12) and still signs for its certificate. */
class PemMaterialTest {

    @TempDir
    Path dir;

    @Test
    void privateKeyIsABouncyCastleKeyWhoseSignaturesTheCertificateVerifies() throws Exception {
        final var user = TestPki.write(dir, "user1");
        final PrivateKey key = PemMaterial.privateKey("pointsnet.fabric.key-path", user.key());
        final X509Certificate cert = PemMaterial.certificate("pointsnet.fabric.cert-path", user.cert());

        // BouncyCastle keeps the P-256 precomputation with its own key class; a JDK key rebuilds it per signature.
        assertInstanceOf(BCECPrivateKey.class, key);
        PemMaterial.requireMatchingPair("pointsnet.fabric.key-path", user.key(), key, cert);

        final byte[] message = "proposal bytes".getBytes(StandardCharsets.UTF_8);
        final byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        final byte[] signature = Signers.newPrivateKeySigner(key).sign(digest);
        final Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
    }
}
