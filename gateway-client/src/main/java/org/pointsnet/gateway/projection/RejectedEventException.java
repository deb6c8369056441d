package org.pointsnet.gateway.projection;

/** A Receipt event the projection sets aside, with why; thrown by {@link ReceiptParser}, caught by the admission. */
final class RejectedEventException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SetAsideReason reason;

    RejectedEventException(final SetAsideReason reason, final String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    SetAsideReason reason() {
        return reason;
    }
}
