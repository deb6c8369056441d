package org.pointsnet.gateway.privacy;

/** A sealed value that cannot be opened: tampered with, sealed for another purpose, or under a key not known here. */
public final class PersonalDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersonalDataException(final String message) {
        super(message);
    }

    public PersonalDataException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
