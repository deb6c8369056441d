package org.pointsnet.admin.channel;

/**
 * A channel configuration step failed or was refused; the message is complete and says what to do. Its kind decides
 * the exit code: the ordering service or the channel's policy refused, the orderers could not be reached, or
 * anything else failed.
 */
public class ChannelConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the step failed. */
    public enum Kind {
        /** The orderer refused the update, or the channel's policies (checked locally) would. */
        REFUSED,
        /** No orderer could be reached, or none could serve the channel now. */
        UNAVAILABLE,
        /** Anything else: a bad file, a missing tool, a bad value. */
        FAILED
    }

    private final Kind kind;

    public ChannelConfigException(String message) {
        this(Kind.FAILED, message, null);
    }

    public ChannelConfigException(String message, Throwable cause) {
        this(Kind.FAILED, message, cause);
    }

    public ChannelConfigException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
