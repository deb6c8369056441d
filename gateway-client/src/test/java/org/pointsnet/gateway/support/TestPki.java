package org.pointsnet.gateway.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/** Throw-away EC P-256 keys and self-signed certificates written as PEM files, for tests only. */
public final class TestPki {

    private TestPki() {
    }

    /** The PEM files of one identity. */
    public record Files3(Path cert, Path key) {
    }

    /** An issued MSP identity: its certificate and its key pair. */
    public record Identity(X509Certificate certificate, KeyPair keys) {
    }

    /**
     * A certificate authority as admin-cli makes them: self-signed, {@code CA:true}, subject
     * {@code C=US, O=<organization>, CN=<commonName>}, issuing identities {@code C=US, O=<organization>,
     * OU=<nodeOu>, CN=<name>}.
     */
    public record Ca(X500Name name, String organization, KeyPair keys, X509Certificate certificate) {

        /** An identity of this CA; {@code organizationalUnit} is its NodeOU (peer, client, admin) or null. */
        public Identity issue(final String commonName, final String organizationalUnit) throws Exception {
            final KeyPair leaf = keyPair();
            final Instant now = Instant.now();
            final var builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject(commonName, organizationalUnit, organization), leaf.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            final var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return new Identity(new JcaX509CertificateConverter().getCertificate(builder.build(signer)), leaf);
        }

        /** Writes the CA certificate as PEM (what an org's msp/cacerts holds). */
        public Path writeCertificate(final Path file) throws IOException {
            writeString(file, Identities.toPemString(certificate));
            return file;
        }
    }

    /** A new CA named {@code CN=<commonName>, O=<organization>, C=US}. */
    public static Ca ca(final String commonName, final String organization) throws Exception {
        final KeyPair keys = keyPair();
        final X500Name name = subject(commonName, null, organization);
        final Instant now = Instant.now();
        final var builder = new JcaX509v3CertificateBuilder(name, serial(),
            Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), name,
            keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
        final var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new Ca(name, organization, keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
    }

    private static X500Name subject(final String commonName, final String organizationalUnit,
                                    final String organization) {
        final X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "US")
            .addRDN(BCStyle.O, organization);
        if (organizationalUnit != null) {
            name.addRDN(BCStyle.OU, organizationalUnit);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new java.security.SecureRandom()).add(BigInteger.ONE);
    }

    public static KeyPair keyPair() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public static X509Certificate selfSigned(final KeyPair keys, final String commonName, final String... dnsNames)
        throws GeneralSecurityException, OperatorCreationException, CertIOException {
        final Instant now = Instant.now();
        final X500Name name = new X500Name("CN=" + commonName);
        final var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), name,
            keys.getPublic());
        if (dnsNames.length > 0) {
            final GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        final var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /**
     * A self-signed certificate authority as Fabric's MSP accepts one for its root certificates: CA basic constraint,
     * certificate-signing key usage, subject key identifier. {@code subject} is an X.500 name, e.g. "CN=ca,O=org".
     */
    public static X509Certificate selfSignedCa(final KeyPair keys, final String subject)
        throws GeneralSecurityException, OperatorCreationException, CertIOException {
        final Instant now = Instant.now();
        final X500Name name = new X500Name(subject);
        final var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), name,
            keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
            .addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
            .addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        final var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /**
     * Writes a fresh key pair (PKCS#8, as Fabric tools write keys) and its self-signed certificate into {@code dir}
     * as {@code name}-cert.pem / -key.pem; {@code dnsNames} become subject alternative names.
     */
    public static Files3 write(final Path dir, final String name, final String... dnsNames) throws Exception {
        final KeyPair keys = keyPair();
        final X509Certificate cert = selfSigned(keys, name, dnsNames);
        final Path certFile = dir.resolve(name + "-cert.pem");
        final Path keyFile = dir.resolve(name + "-key.pem");
        writeString(certFile, Identities.toPemString(cert));
        writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
        return new Files3(certFile, keyFile);
    }

    private static void writeString(final Path file, final String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
