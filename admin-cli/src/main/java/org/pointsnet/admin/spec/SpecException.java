package org.pointsnet.admin.spec;

/** The network spec cannot be read or is invalid; the message names the file and the field. */
public class SpecException extends RuntimeException {

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
