package org.pointsnet.gateway.logging;

import java.util.regex.Pattern;

/**
 * Masks network user ids ({@code <platformId>.<HMAC, base64url>}) in log text: the platform and the first six
 * characters stay, enough to follow one user through a log, not enough to match the id anywhere else.
 */
public final class LogMasking {

    private static final Pattern USER_ID = Pattern.compile(
        "\\b([a-z0-9][a-z0-9-]{1,31})\\.([A-Za-z0-9_-]{6})[A-Za-z0-9_-]{14,}");

    private LogMasking() {
    }

    /** {@code text} with every user id in it masked; null stays null. */
    public static String mask(final String text) {
        if (text == null || text.indexOf('.') < 0) {
            return text;
        }
        return USER_ID.matcher(text).replaceAll("$1.$2…");
    }
}
