package org.pointsnet.gateway.signatures;

/** A request's signature refused for {@link #failure()}. */
public final class SignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SignatureFailure failure;

    public SignatureException(final SignatureFailure failure) {
        super(failure.detail());
        this.failure = failure;
    }

    public SignatureFailure failure() {
        return failure;
    }
}
