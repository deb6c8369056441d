package org.pointsnet.gateway.fabric;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.client.identity.Identities;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the PEM files the gateway is configured with. A file that does not parse is a configuration error
 * naming its property. Key material is never logged and never put into a message: only the path is.
 */
final class PemMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(PemMaterial.class);
    private static final byte[] PROBE = "pointsnet key/certificate pair check".getBytes(StandardCharsets.UTF_8);
    /** Not registered globally: only the keys read here go through it. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemMaterial() {
    }

    static X509Certificate certificate(final String property, final Path path) {
        final X509Certificate cert;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            cert = Identities.readX509Certificate(reader);
        } catch (Exception e) {
            // Any parser failure (IOException, CertificateException, or a runtime exception on garbage) means the same.
            throw new InvalidConfigurationException(property, "file " + path + " is not a PEM X.509 certificate");
        }
        if (cert == null) {
            throw new InvalidConfigurationException(property, "file " + path + " holds no PEM X.509 certificate");
        }
        warnIfNotCurrentlyValid(property, path, cert);
        return cert;
    }

    static PrivateKey privateKey(final String property, final Path path) {
        final PrivateKey key;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            key = Identities.readPrivateKey(reader);
        } catch (Exception e) {
            // The exception text is dropped on purpose: a parser may quote the bytes it choked on.
            throw new InvalidConfigurationException(property, "file " + path + " is not a PEM PKCS#8 private key");
        }
        if (key == null) {
            throw new InvalidConfigurationException(property, "file " + path + " holds no PEM private key");
        }
        return asBouncyCastleKey(property, path, key);
    }

    /**
     * The same key as a BouncyCastle key. fabric-gateway signs with BouncyCastle ({@code NONEwithECDSA}); handed a
     * JDK key, BouncyCastle converts its curve parameters and rebuilds the P-256 precomputation on every
     * signature (43% of a gateway's CPU under load, issue 12). A BouncyCastle key keeps the precomputed curve.
     */
    static PrivateKey asBouncyCastleKey(final String property, final Path path, final PrivateKey key) {
        if (!"EC".equals(key.getAlgorithm()) && !"ECDSA".equals(key.getAlgorithm())) {
            return key;
        }
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(property, "file " + path + " is not a usable EC private key");
        }
    }

    /**
     * Fails unless {@code key} belongs to {@code cert}: a mismatched pair would otherwise only show up as
     * every transaction being refused by the peer with a signature error.
     */
    static void requireMatchingPair(final String keyProperty, final Path keyPath, final PrivateKey key,
                                    final X509Certificate cert) {
        final String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return; // Fabric identities are ECDSA; anything else fails later with the peer's own message.
        }
        try {
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            final byte[] signature = signer.sign();
            final Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(PROBE);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // falls through: a key the certificate's public key cannot verify does not belong to it
        }
        throw new InvalidConfigurationException(keyProperty,
            "the private key in " + keyPath + " does not belong to the certificate of pointsnet.fabric.cert-path");
    }

    private static void warnIfNotCurrentlyValid(final String property, final Path path, final X509Certificate cert) {
        try {
            cert.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            LOG.warn("{}: certificate in {} is not valid now (valid {} to {}); the peer will refuse it",
                property, path, cert.getNotBefore(), cert.getNotAfter());
        }
    }
}
