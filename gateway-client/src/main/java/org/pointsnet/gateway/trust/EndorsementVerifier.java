package org.pointsnet.gateway.trust;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
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
 *
 * <p>Cost (issue 12, docs/benchmarks.md): every gateway checks every endorsement of every block, so the identity
 * checks, which depend only on the serialized identity's exact bytes and the fixed trusted roots, are kept per
 * identity (a handful of peers), and signatures are verified with BouncyCastle, several times faster than the JDK 17
 * provider's P-256 on this hardware. Every signature is still verified.
 */
public final class EndorsementVerifier {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final String PEER_OU = "peer";
    /** Fabric's NodeOU roles: an identity carrying none or several of them has no single role. */
    private static final Set<String> NODE_OUS = Set.of("client", PEER_OU, "admin", "orderer");

    /** Identities remembered; more distinct endorsers than this (never on a consortium) only start over. */
    static final int MAX_IDENTITIES = 1024;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final TrustedMsps msps;
    /** Outcome of the identity checks (and the endorser's key, as a BouncyCastle key) by serialized identity bytes. */
    private final Map<ByteString, Identity> identities = new ConcurrentHashMap<>();

    /**
     * What the identity checks gave for one serialized identity: {@code failure} null when it is a trusted peer of
     * {@code msp}, whose signature key is {@code key} ({@code order} the curve's order; null if not an EC key).
     */
    private record Identity(String msp, EndorsementOutcome failure, PublicKey key, BigInteger order) {
    }

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
        final ByteString endorser = endorsement.getEndorser();
        Identity identity = identities.get(endorser);
        if (identity == null) {
            identity = identity(endorser);
            if (identities.size() >= MAX_IDENTITIES) {
                identities.clear();
            }
            identities.put(endorser, identity);
        }
        if (identity.failure() != null) {
            return new EndorsementCheck(identity.msp(), identity.failure());
        }
        if (!signedBy(identity, proposalResponsePayload, endorsement)) {
            return new EndorsementCheck(identity.msp(), EndorsementOutcome.BAD_SIGNATURE);
        }
        return new EndorsementCheck(identity.msp(), EndorsementOutcome.VALID);
    }

    /** The checks that depend only on the serialized identity (and the trusted roots, fixed at start). */
    private Identity identity(final ByteString endorser) {
        final SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(endorser);
        } catch (InvalidProtocolBufferException e) {
            return new Identity(null, EndorsementOutcome.UNREADABLE_IDENTITY, null, null);
        }
        final String msp = identity.getMspid();
        final List<X509Certificate> roots = msps.roots(msp);
        if (roots.isEmpty()) {
            return new Identity(msp, EndorsementOutcome.UNKNOWN_MSP, null, null);
        }
        final X509Certificate certificate = certificate(identity.getIdBytes());
        if (certificate == null) {
            return new Identity(msp, EndorsementOutcome.UNREADABLE_IDENTITY, null, null);
        }
        if (certificate.getBasicConstraints() >= 0 || !issuedByOneOf(certificate, roots)) {
            return new Identity(msp, EndorsementOutcome.UNTRUSTED_CERTIFICATE, null, null);
        }
        if (!isPeer(certificate)) {
            return new Identity(msp, EndorsementOutcome.NOT_A_PEER, null, null);
        }
        if (!(certificate.getPublicKey() instanceof ECPublicKey ecKey)) {
            return new Identity(msp, null, null, null); // Fabric peers sign with ECDSA; nothing else is accepted
        }
        try {
            final PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(
                new X509EncodedKeySpec(ecKey.getEncoded()));
            return new Identity(msp, null, key, ecKey.getParams().getOrder());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Identity(msp, null, null, null); // a key BouncyCastle refuses verifies nothing
        }
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

    private static boolean signedBy(final Identity identity, final ByteString proposalResponsePayload,
                                    final Endorsement endorsement) {
        if (identity.key() == null) {
            return false;
        }
        final byte[] signature = endorsement.getSignature().toByteArray();
        if (!lowS(signature, identity.order())) {
            return false;
        }
        try {
            final Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            verifier.initVerify(identity.key());
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
