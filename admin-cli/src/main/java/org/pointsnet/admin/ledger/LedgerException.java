package org.pointsnet.admin.ledger;

/**
 * A ledger command that failed, with the kind that decides the exit code: the ledger refused it (a chaincode error
 * code or an invalid transaction), the network was unavailable, the command's input or settings were wrong, or
 * something else failed. Its message is complete, one line, and names what failed.
 */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the command failed. */
    public enum Kind {
        /** The chaincode refused the request, or the transaction was committed invalid. */
        REFUSED,
        /** The peer or the orderers could not be reached in time. */
        UNAVAILABLE,
        /** Settings or arguments that cannot work (a missing file, a bad value). */
        USAGE,
        /** Anything else. */
        FAILED
    }

    private final Kind kind;

    public LedgerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Wrong settings or arguments. */
    public static LedgerException usage(String message) {
        return new LedgerException(Kind.USAGE, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
