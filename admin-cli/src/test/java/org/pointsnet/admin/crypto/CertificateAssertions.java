package org.pointsnet.admin.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Checks on certificates made with the JDK's own PKIX implementation, independent of the generator. */
final class CertificateAssertions {

    private CertificateAssertions() {
    }

    /** Validates the one-certificate path leaf → root with PKIX, revocation off; throws if it does not chain. */
    static void validatePath(X509Certificate leaf, X509Certificate root) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    /** DNS names as written, IP addresses as the JDK prints them. */
    static List<String> subjectAltNames(X509Certificate certificate) throws Exception {
        List<String> names = new ArrayList<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries != null) {
            for (List<?> entry : entries) {
                names.add(((Integer) entry.get(0) == 7 ? "IP:" : "DNS:") + entry.get(1));
            }
        }
        return names;
    }

    static List<String> attribute(X509Certificate certificate, String type) throws Exception {
        List<String> values = new ArrayList<>();
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
            if (rdn.getType().equalsIgnoreCase(type)) {
                values.add(String.valueOf(rdn.getValue()));
            }
        }
        return values;
    }

    static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.14");
        assertTrue(extension != null, "no SKI in " + certificate.getSubjectX500Principal());
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifier();
    }

    static byte[] authorityKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.35");
        assertTrue(extension != null, "no AKI in " + certificate.getSubjectX500Principal());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifierOctets();
    }

    /** Signs with the private key and verifies with the certificate: the two belong together. */
    static void assertKeyMatches(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] message = ("pointsnet " + certificate.getSerialNumber()).getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature), "key does not match " + certificate.getSubjectX500Principal());
    }

    /** The certificate's own ECDSA signature has s at most half the curve order. */
    static void assertLowS(X509Certificate certificate, X509Certificate issuer) {
        ASN1Sequence signature = ASN1Sequence.getInstance(certificate.getSignature());
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        BigInteger order = ((ECPublicKey) issuer.getPublicKey()).getParams().getOrder();
        assertTrue(s.compareTo(order.shiftRight(1)) <= 0, "high-S signature on " + certificate.getSubjectX500Principal());
        assertEquals(1, s.signum());
    }
}
