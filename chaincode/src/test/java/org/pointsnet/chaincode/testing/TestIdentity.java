package org.pointsnet.chaincode.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A client identity for tests: MSP id and a real self-signed X.509 certificate (P-256, subject
 * {@code CN=<commonName>, OU=client, O=<mspId>}), serialized as a Fabric msp.SerializedIdentity with the PEM as
 * id_bytes, exactly what the peer hands the chaincode as the creator.
 *
 * <p>Identities are cached per (mspId, commonName), so the same name gives the same bytes within a test run.
 */
public record TestIdentity(String mspId, String commonName, byte[] serializedIdentity) {
    private static final Map<List<String>, TestIdentity> CACHE = new ConcurrentHashMap<>();
    // Fixed validity: the certificate does not depend on the clock.
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Date NOT_AFTER = Date.from(Instant.parse("2100-01-01T00:00:00Z"));

    public TestIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(commonName, "commonName");
        serializedIdentity = serializedIdentity.clone();
    }

    public static TestIdentity of(final String mspId, final String cn) {
        return CACHE.computeIfAbsent(List.of(mspId, cn), k -> create(mspId, cn, null));
    }

    /**
     * A client identity ({@code OU=client}) whose certificate carries {@code attributes} as Fabric CA writes them:
     * extension 1.2.3.4.5.6.7.8.1 holding {@code {"attrs":{...}}} (what ClientIdentity.getAttributeValue reads).
     */
    public static TestIdentity withAttributes(final String mspId, final String cn, final String attributesJson) {
        return CACHE.computeIfAbsent(List.of(mspId, cn, attributesJson), k -> create(mspId, cn, attributesJson));
    }

    @Override
    public byte[] serializedIdentity() {
        return serializedIdentity.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof TestIdentity t && mspId.equals(t.mspId) && commonName.equals(t.commonName)
                && Arrays.equals(serializedIdentity, t.serializedIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mspId, commonName, Arrays.hashCode(serializedIdentity));
    }

    @Override
    public String toString() {
        return "TestIdentity[" + mspId + ", " + commonName + "]";
    }

    private static TestIdentity create(final String mspId, final String cn, final String attributesJson) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair keys = generator.generateKeyPair();
            final X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, mspId)
                    .addRDN(BCStyle.OU, "client")
                    .addRDN(BCStyle.CN, cn)
                    .build();
            final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject, BigInteger.ONE, NOT_BEFORE, NOT_AFTER, subject, keys.getPublic());
            if (attributesJson != null) {
                builder.addExtension(new Extension(new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1"), false,
                        attributesJson.getBytes(US_ASCII)));
            }
            final X509CertificateHolder cert = builder
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            final String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            final byte[] serialized = SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFrom(pem, US_ASCII))
                    .build()
                    .toByteArray();
            return new TestIdentity(mspId, cn, serialized);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a test certificate for " + cn + "@" + mspId, e);
        }
    }
}
