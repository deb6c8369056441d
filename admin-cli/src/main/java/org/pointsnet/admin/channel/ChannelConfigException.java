package org.pointsnet.admin.channel;

/** A channel configuration step failed or was refused; the message is complete and says what to do. */
public class ChannelConfigException extends RuntimeException {

    public ChannelConfigException(String message) {
        super(message);
    }

    public ChannelConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
