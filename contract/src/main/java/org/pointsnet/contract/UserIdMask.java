package org.pointsnet.contract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks network user ids in text meant for logs and error messages: the platform and the first six characters stay,
 * enough to follow one user through a log, not enough to match the id anywhere else. A user id is
 * {@code <platformId>.<HMAC>}: 43 base64url characters of HMAC-SHA256, or fewer when the id is cut to its
 * {@link Limits#MAX_ID}-character limit (the gateway's {@code users.UserIds}); only that exact shape is masked, so
 * class and host names in the same text stay readable. The one rule for the gateway's logs and the chaincode's
 * refusals and logs.
 */
public final class UserIdMask {

    private static final int HMAC_LENGTH = 43;
    private static final Pattern CANDIDATE = Pattern.compile(
        "(?<![A-Za-z0-9_.-])([a-z0-9][a-z0-9-]{1,31})\\.([A-Za-z0-9_-]{12,43})(?![A-Za-z0-9_.-])");

    private UserIdMask() {
    }

    /** {@code text} with every user id in it masked; null stays null. */
    public static String mask(final String text) {
        if (text == null || text.indexOf('.') < 0) {
            return text;
        }
        final Matcher id = CANDIDATE.matcher(text);
        final StringBuilder out = new StringBuilder(text.length());
        while (id.find()) {
            final String platform = id.group(1);
            final String hmac = id.group(2);
            final boolean userId = hmac.length() == HMAC_LENGTH
                || platform.length() + 1 + hmac.length() == Limits.MAX_ID;
            id.appendReplacement(out, Matcher.quoteReplacement(
                userId ? platform + "." + hmac.substring(0, 6) + "…" : id.group()));
        }
        id.appendTail(out);
        return out.toString();
    }
}
