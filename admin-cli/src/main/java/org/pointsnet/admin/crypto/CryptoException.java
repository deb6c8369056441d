package org.pointsnet.admin.crypto;

/** Generating or writing crypto material failed; the message names the org and node. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    /** {@code subject} names what failed, e.g. {@code PlatformA peer0.platform-a.pointsnet.local}. */
    public CryptoException(String subject, Throwable cause) {
        super(subject + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof CryptoException) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message;
    }
}
