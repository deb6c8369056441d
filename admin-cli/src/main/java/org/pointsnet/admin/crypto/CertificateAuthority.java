package org.pointsnet.admin.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.pointsnet.contract.OperatorRole;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A self-signed ECDSA P-256 CA that issues MSP signing certificates and TLS certificates
 * with the extensions Fabric requires. Uses BouncyCastle's builders with the JDK's own
 * providers (no BouncyCastle JCE provider), so a shaded, unsigned jar works.
 */
public final class CertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final String COUNTRY = "US";

    private final String organization;
    private final X500Name name;
    private final KeyPair keys;
    private final byte[] keyIdentifier;
    private final X509Certificate certificate;
    private final Validity validity;
    private final SecureRandom random;

    private CertificateAuthority(String organization, X500Name name, KeyPair keys, byte[] keyIdentifier,
                                 X509Certificate certificate, Validity validity, SecureRandom random) {
        this.organization = organization;
        this.name = name;
        this.keys = keys;
        this.keyIdentifier = keyIdentifier.clone();
        this.certificate = certificate;
        this.validity = validity;
        this.random = random;
    }

    /**
     * A new self-signed CA with subject {@code CN=<commonName>, O=<organization>, C=US};
     * certificates it issues carry the same O.
     */
    public static CertificateAuthority create(String commonName, String organization, Validity validity,
                                              SecureRandom random) throws GeneralSecurityException {
        KeyPair keys = EcKeys.generate(random);
        byte[] keyId = EcKeys.keyIdentifier(keys.getPublic());
        X500Name name = name(commonName, null, organization);
        X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), validity, random);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.keyEncipherment | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.extendedKeyUsage, false, bothTlsPurposes());
            // Fabric's MSP rejects a CA certificate without a subject key identifier.
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode CA extensions for " + commonName, e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate(), keys.getPublic(), random);
        return new CertificateAuthority(organization, name, keys, keyId, certificate, validity, random);
    }

    /**
     * The CA an earlier run created, from its certificate and key: certificates it issues now chain to the same
     * root (adding a node to an org keeps every existing key and certificate).
     */
    public static CertificateAuthority load(X509Certificate certificate, PrivateKey key, Validity validity,
                                            SecureRandom random) throws GeneralSecurityException {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (name.getRDNs(BCStyle.O).length == 0) {
            throw new GeneralSecurityException("CA certificate " + name + " names no organization (O)");
        }
        String organization = name.getRDNs(BCStyle.O)[0].getFirst().getValue().toString();
        KeyPair keys = new KeyPair(certificate.getPublicKey(), key);
        return new CertificateAuthority(organization, name, keys, EcKeys.keyIdentifier(certificate.getPublicKey()),
            certificate, validity, random);
    }

    /**
     * An MSP signing certificate: {@code CN=<commonName>, OU=<organizationalUnit>}; the OU
     * is what Fabric's NodeOUs classify the identity by (peer, orderer, admin, client).
     */
    public IssuedCertificate issueSigning(String commonName, String organizationalUnit)
        throws GeneralSecurityException {
        return issueSigning(commonName, organizationalUnit, Map.of());
    }

    /**
     * An MSP signing certificate as above carrying {@code attributes} the way Fabric CA writes them (extension
     * {@link OperatorRole#FABRIC_ATTRIBUTES_OID}, non-critical, value {@code {"attrs":{...}}} in JSON), which the
     * chaincode reads with ClientIdentity.getAttributeValue. No extension when {@code attributes} is empty.
     */
    public IssuedCertificate issueSigning(String commonName, String organizationalUnit, Map<String, String> attributes)
        throws GeneralSecurityException {
        KeyPair leaf = EcKeys.generate(random);
        X509v3CertificateBuilder builder = builder(name, name(commonName, organizationalUnit, organization),
                leaf.getPublic(), validity, random);
        try {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            leafExtensions(builder, leaf.getPublic());
            if (!attributes.isEmpty()) {
                builder.addExtension(new Extension(new ASN1ObjectIdentifier(OperatorRole.FABRIC_ATTRIBUTES_OID), false,
                    attributesJson(attributes)));
            }
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode extensions for " + commonName, e);
        }
        return new IssuedCertificate(sign(builder, keys.getPrivate(), keys.getPublic(), random), leaf.getPrivate());
    }

    /**
     * A TLS certificate usable as server and as client (Fabric nodes are both). Each
     * alternative name that is an IP literal becomes an IP SAN, every other one a DNS SAN.
     */
    public IssuedCertificate issueTls(String commonName, Collection<String> alternativeNames)
            throws GeneralSecurityException {
        KeyPair leaf = EcKeys.generate(random);
        X509v3CertificateBuilder builder = builder(name, name(commonName, null, organization),
                leaf.getPublic(), validity, random);
        try {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, bothTlsPurposes());
            leafExtensions(builder, leaf.getPublic());
            if (!alternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(alternativeNames));
            }
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode extensions for " + commonName, e);
        }
        return new IssuedCertificate(sign(builder, keys.getPrivate(), keys.getPublic(), random), leaf.getPrivate());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    private void leafExtensions(X509v3CertificateBuilder builder, PublicKey leafKey)
            throws CertIOException, GeneralSecurityException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new SubjectKeyIdentifier(EcKeys.keyIdentifier(leafKey)));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier));
    }

    private static byte[] attributesJson(Map<String, String> attributes) {
        ObjectNode root = JsonMapper.shared().createObjectNode();
        ObjectNode attrs = root.putObject("attrs");
        new TreeMap<>(attributes).forEach(attrs::put);
        return JsonMapper.shared().writeValueAsBytes(root);
    }

    private static X500Name name(String commonName, String organizationalUnit, String organization) {
        // Added in DER order (C first), so the JDK prints it as CN=..., OU=..., O=..., C=US.
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, COUNTRY)
            .addRDN(BCStyle.O, organization);
        if (organizationalUnit != null) {
            name.addRDN(BCStyle.OU, organizationalUnit);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Validity validity, SecureRandom random) {
        return new JcaX509v3CertificateBuilder(issuer, serialNumber(random), Date.from(validity.notBefore()),
                Date.from(validity.notAfter()), subject, key);
    }

    /** Random, positive and 128 bits long, so serials never collide across runs. */
    private static BigInteger serialNumber(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    private static ExtendedKeyUsage bothTlsPurposes() {
        return new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth});
    }

    private static GeneralNames generalNames(Collection<String> names) {
        Set<String> unique = new LinkedHashSet<>(names);
        GeneralName[] general = unique.stream()
            .map(value -> new GeneralName(IPAddress.isValid(value) ? GeneralName.iPAddress : GeneralName.dNSName,
                value))
            .toArray(GeneralName[]::new);
        return new GeneralNames(general);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey,
                                        PublicKey issuerPublicKey, SecureRandom random)
            throws GeneralSecurityException {
        ContentSigner signer;
        try {
            signer = new LowSSigner(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setSecureRandom(random)
                    .build(issuerKey), ((ECKey) issuerKey).getParams().getOrder());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create " + SIGNATURE_ALGORITHM + " signer", e);
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        // Cheap self-check: a certificate that does not verify never reaches the disk.
        certificate.verify(issuerPublicKey);
        return certificate;
    }
}
