package org.pointsnet.gateway.logging;

import org.pointsnet.contract.UserIdMask;

/**
 * Masks network user ids in log text ({@link UserIdMask}, the rule the chaincode applies too): the platform and the
 * first six characters stay, enough to follow one user through a log, not enough to match the id anywhere else.
 */
public final class LogMasking {

    private LogMasking() {
    }

    /** {@code text} with every user id in it masked; null stays null. */
    public static String mask(final String text) {
        return UserIdMask.mask(text);
    }
}
