package org.pointsnet.gateway.signatures;

/** Why a request's signature was refused: the {@code reason} member of the 401 {@code SIGNATURE_INVALID} problem. */
public enum SignatureFailure {
    /** No Signature-Input or Signature header (or no signature under the label of the input). */
    MISSING("the request is not signed (Signature-Input and Signature headers)"),
    /** The headers are not RFC 9421 / RFC 8941 structured fields this gateway reads. */
    MALFORMED("Signature-Input, Signature or Content-Digest is malformed"),
    /** A required component or parameter is not covered. */
    INCOMPLETE("the signature must cover \"@method\", \"@path\", \"@query\" and, with a body, \"content-digest\", "
        + "with created, nonce and keyid parameters"),
    /** The keyid is not the client's registered key, or no key is registered. */
    UNKNOWN_KEY("the keyid is not the key registered for this client"),
    /** {@code created} is too far from now, or {@code expires} passed. */
    STALE("created is more than the allowed skew from the gateway's clock, or the signature expired"),
    /** The nonce was used before by this client. */
    NONCE_REUSED("the nonce was used before"),
    /** Content-Digest does not match the body. */
    DIGEST_MISMATCH("Content-Digest (sha-256) does not match the body"),
    /** The signature does not verify with the registered key. */
    BAD_SIGNATURE("the signature does not verify with the client's registered key");

    private final String detail;

    SignatureFailure(final String detail) {
        this.detail = detail;
    }

    /** What a client reads in the problem's detail. */
    public String detail() {
        return detail;
    }

    /** The reason as the problem's {@code reason} member: lower case with dashes. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
