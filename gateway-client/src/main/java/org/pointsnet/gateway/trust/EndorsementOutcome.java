package org.pointsnet.gateway.trust;

/** What checking one endorsement found; only {@link #VALID} counts as that MSP's endorsement. */
public enum EndorsementOutcome {

    VALID("valid peer endorsement"),
    UNREADABLE_IDENTITY("endorser is not a serialized X.509 identity"),
    UNKNOWN_MSP("MSP is not in pointsnet.trust"),
    UNTRUSTED_CERTIFICATE("certificate is not issued by a root CA of that MSP"),
    NOT_A_PEER("certificate is not a peer identity (NodeOU OU=peer)"),
    BAD_SIGNATURE("signature does not verify (ECDSA with SHA-256, low-S)");

    private final String description;

    EndorsementOutcome(final String description) {
        this.description = description;
    }

    /** A short phrase for set-aside details and logs. */
    public String description() {
        return description;
    }
}
