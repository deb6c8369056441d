package org.pointsnet.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for network user ids, checked by the gateway and again by the chaincode: {@code <platformId>.<key>},
 * where the platform id names the platform that created the user (its collection holds the registration) and the key
 * is base64url (the gateway's HMAC of the platform's own user id), at most {@link Limits#MAX_ID} characters in all.
 * The one other user id is {@link #FEE_ACCOUNT}, each platform's own fee account, which no person holds.
 */
public final class UserId {
    /** The user id of a platform's fee account (conversion fees land there); a platform account, not a person. */
    public static final String FEE_ACCOUNT = "fee";
    /** A person's user id: owning platform, a dot, base64url characters; 64 characters at most. */
    public static final Pattern PATTERN = Pattern.compile("(?=.{4," + Limits.MAX_ID + "}$)("
            + Limits.PLATFORM_ID.pattern() + ")\\.[A-Za-z0-9_-]+");

    private UserId() {}

    /** True for a well-formed person's user id (not the fee account). */
    public static boolean isPerson(final String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** True for a well-formed user id: a person's or the fee account. */
    public static boolean isValid(final String value) {
        return FEE_ACCOUNT.equals(value) || isPerson(value);
    }

    /** The platform that created a person's user id; empty for the fee account or a malformed id. */
    public static Optional<String> owner(final String value) {
        if (value == null) {
            return Optional.empty();
        }
        final Matcher m = PATTERN.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** What the rule says, for error messages. */
    public static String rule() {
        return "'<platformId>.<base64url>' (at most " + Limits.MAX_ID + " characters) or '" + FEE_ACCOUNT + "'";
    }
}
