package org.pointsnet.gateway.quotes;

/** A quote id this gateway did not issue, or one that was altered: its MAC does not verify. */
public final class InvalidQuoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidQuoteException(final String message) {
        super(message);
    }
}
