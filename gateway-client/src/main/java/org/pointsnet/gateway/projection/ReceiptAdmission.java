package org.pointsnet.gateway.projection;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.pointsnet.contract.Receipt;
import org.pointsnet.gateway.events.TransactionEvent;
import org.pointsnet.gateway.trust.EndorsementVerifier;
import org.pointsnet.gateway.trust.Endorsements;
import org.pointsnet.gateway.trust.TrustedMsps;

/**
 * Decides whether a Receipt event may change the projection. A VALID transaction only proves that the policy of what
 * it wrote was met, and every org runs its own chaincode and peer: org B alone can commit a transaction that writes
 * only B's collection and carries any event it likes. So a receipt is taken only when it is well-formed
 * ({@link ReceiptParser}) and every platform it concerns (its own and each one it posts on) endorsed it through a
 * genuine peer of the MSP that owns that platform. The endorsements checked are those of the proposal response the
 * event was read from, so they vouch for exactly this event.
 */
public final class ReceiptAdmission {

    private final TrustedMsps msps;
    private final EndorsementVerifier verifier;

    public ReceiptAdmission(final TrustedMsps msps, final EndorsementVerifier verifier) {
        this.msps = msps;
        this.verifier = verifier;
    }

    Admission check(final TransactionEvent event) {
        if (!event.readable()) {
            return Admission.setAside(SetAsideReason.MALFORMED, event.problem() + "; endorsements: "
                + verifier.check(event.proposalResponsePayload(), event.endorsements()).summary());
        }
        final Receipt receipt;
        try {
            receipt = ReceiptParser.parse(event.txId(), event.payload());
        } catch (RejectedEventException e) {
            return Admission.setAside(e.reason(), e.getMessage());
        }
        final Set<String> platforms = platforms(receipt);
        for (final String platform : platforms) {
            if (msps.mspOf(platform).isEmpty()) {
                return Admission.setAside(SetAsideReason.UNKNOWN_PLATFORM, "platform '" + platform
                    + "' is not in pointsnet.trust");
            }
        }
        final Endorsements endorsements = verifier.check(event.proposalResponsePayload(), event.endorsements());
        for (final String platform : platforms) {
            final Optional<Admission> missing = requireEndorsement(platform, msps.mspOf(platform).orElseThrow(),
                endorsements);
            if (missing.isPresent()) {
                return missing.get();
            }
        }
        return Admission.accepted(receipt);
    }

    /** The platforms a receipt concerns: its own first, then every other platform it posts on, each once. */
    static Set<String> platforms(final Receipt receipt) {
        final Set<String> platforms = new LinkedHashSet<>();
        platforms.add(receipt.platformId());
        receipt.postings().forEach(p -> platforms.add(p.platformId()));
        return platforms;
    }

    private static Optional<Admission> requireEndorsement(final String platform, final String msp,
                                                          final Endorsements endorsements) {
        if (endorsements.endorsedBy(msp)) {
            return Optional.empty();
        }
        final SetAsideReason reason = endorsements.claiming(msp).isEmpty()
            ? SetAsideReason.NOT_ENDORSED : SetAsideReason.BAD_ENDORSEMENT;
        return Optional.of(Admission.setAside(reason, "platform '" + platform + "' needs a peer endorsement of "
            + msp + "; endorsements: " + endorsements.summary()));
    }
}
