package org.pointsnet.gateway.trust;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.Endorsement;

/**
 * Checks endorsements of committed transactions the way a validating peer's MSP would, because a VALID flag does
 * not make every endorsement genuine: Fabric drops endorsements that fail and only asks whether the remaining ones
 * satisfy the policy of what was written. An endorsement is a peer endorsement of MSP M when its endorser is a
 * serialized identity of M whose certificate is issued by one of M's root CAs, is not itself a CA, carries the
 * NodeOU {@code OU=peer}, and whose key made the ECDSA signature (SHA-256, low-S as Fabric's BCCSP demands) over
 * {@code proposal_response_payload || endorser}.
 *
 * <p>Certificate expiry is not checked, like Fabric's MSP validation (it evaluates the chain as of the
 * certificate's own start): replaying the chain from block 0 years later must give the same answer as at commit.
 * Revocation lists and intermediate CAs are not supported (the network's CAs issue peer certificates directly).
 */
public final class EndorsementVerifier {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final String PEER_OU = "peer";
    /** Fabric's NodeOU roles: an identity carrying none or several of them has no single role. */
    private static final Set<String> NODE_OUS = Set.of("client", PEER_OU, "admin", "orderer");

    private final TrustedMsps msps;

    public EndorsementVerifier(final TrustedMsps msps) {
        this.msps = msps;
    }

    /** Checks every endorsement over {@code proposalResponsePayload}, the bytes each one signed. */
    public Endorsements check(final ByteString proposalResponsePayload, final List<Endorsement> endorsements) {
        final List<EndorsementCheck> checks = new ArrayList<>(endorsements.size());
        for (final Endorsement endorsement : endorsements) {
            checks.add(check(proposalResponsePayload, endorsement));
        }
        return new Endorsements(checks);
    }

    /** Checks one endorsement over {@code proposalResponsePayload}. */
    public EndorsementCheck check(final ByteString proposalResponsePayload, final Endorsement endorsement) {
        final SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(endorsement.getEndorser());
        } catch (InvalidProtocolBufferException e) {
            return new EndorsementCheck(null, EndorsementOutcome.UNREADABLE_IDENTITY);
        }
        final String msp = identity.getMspid();
        final List<X509Certificate> roots = msps.roots(msp);
        if (roots.isEmpty()) {
            return new EndorsementCheck(msp, EndorsementOutcome.UNKNOWN_MSP);
        }
        final X509Certificate certificate = certificate(identity.getIdBytes());
        if (certificate == null) {
            return new EndorsementCheck(msp, EndorsementOutcome.UNREADABLE_IDENTITY);
        }
        if (certificate.getBasicConstraints() >= 0 || !issuedByOneOf(certificate, roots)) {
            return new EndorsementCheck(msp, EndorsementOutcome.UNTRUSTED_CERTIFICATE);
        }
        if (!isPeer(certificate)) {
            return new EndorsementCheck(msp, EndorsementOutcome.NOT_A_PEER);
        }
        if (!signedBy(certificate.getPublicKey(), proposalResponsePayload, endorsement)) {
            return new EndorsementCheck(msp, EndorsementOutcome.BAD_SIGNATURE);
        }
        return new EndorsementCheck(msp, EndorsementOutcome.VALID);
    }

    private static X509Certificate certificate(final ByteString pem) {
        try (InputStream in = pem.newInput()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            // Any parser failure on bytes the endorser chose means the same: no identity to check.
            return null;
        }
    }

    private static boolean issuedByOneOf(final X509Certificate certificate, final List<X509Certificate> roots) {
        for (final X509Certificate root : roots) {
            if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                continue;
            }
            try {
                certificate.verify(root.getPublicKey());
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                // Same name, another key (or a mangled signature): try the next root.
            }
        }
        return false;
    }

    /** Exactly one NodeOU, and it is {@code peer}: what the collection policies' {@code '<MSP>.peer'} requires. */
    private static boolean isPeer(final X509Certificate certificate) {
        final X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        final List<String> roles = new ArrayList<>();
        for (final RDN rdn : subject.getRDNs(BCStyle.OU)) {
            for (final AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                final String ou = IETFUtils.valueToString(value.getValue());
                if (BCStyle.OU.equals(value.getType()) && NODE_OUS.contains(ou)) {
                    roles.add(ou);
                }
            }
        }
        return roles.equals(List.of(PEER_OU));
    }

    private static boolean signedBy(final PublicKey key, final ByteString proposalResponsePayload,
                                    final Endorsement endorsement) {
        if (!(key instanceof ECPublicKey ecKey)) {
            return false; // Fabric peers sign with ECDSA; nothing else is accepted here
        }
        final byte[] signature = endorsement.getSignature().toByteArray();
        if (!lowS(signature, ecKey.getParams().getOrder())) {
            return false;
        }
        try {
            final Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(proposalResponsePayload.asReadOnlyByteBuffer());
            verifier.update(endorsement.getEndorser().asReadOnlyByteBuffer());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a signature that is not DER, or a key the provider refuses
        }
    }

    /** A DER ECDSA signature {@code (r, s)} with {@code 0 < s <= n/2}; Fabric's BCCSP refuses the other half. */
    private static boolean lowS(final byte[] signature, final BigInteger order) {
        try {
            final ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
            if (sequence.size() != 2) {
                return false;
            }
            final BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            return s.signum() > 0 && s.compareTo(order.shiftRight(1)) <= 0;
        } catch (RuntimeException e) {
            return false; // not a DER sequence of two integers
        }
    }
}
