package org.pointsnet.chaincode.ledger.core;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.regex.Pattern;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.UserId;

/** Identifier and text rules; each check throws VALIDATION_FAILED naming the field before anything is written. */
public final class Ids {
    /** The user id of a platform's fee account, where conversion fees are credited. Not a person's account. */
    public static final String FEE_ACCOUNT = UserId.FEE_ACCOUNT;
    private static final int MAX_SHOWN = 80;

    private Ids() {}

    /** A platform id: {@code [a-z0-9][a-z0-9-]{1,31}}. */
    public static String platformId(final String field, final String value) {
        return check(field, value, Limits.PLATFORM_ID, "[a-z0-9][a-z0-9-]{1,31}");
    }

    /** A user id by the contract's one rule ({@link UserId}): {@code <platformId>.<base64url>}, or the fee account. */
    public static String userId(final String field, final String value) {
        if (!UserId.isValid(value)) {
            throw refusal(VALIDATION_FAILED, field + " '" + display(value) + "' must be " + UserId.rule());
        }
        return value;
    }

    /** A user id that must name a person's account, not the platform's fee account. */
    public static String personUserId(final String field, final String value) {
        userId(field, value);
        if (FEE_ACCOUNT.equals(value)) {
            throw refusal(VALIDATION_FAILED, field + " '" + value + "' is the platform's fee account, not a user");
        }
        return value;
    }

    /** A reward id: 1–64 visible ASCII characters. */
    public static String rewardId(final String field, final String value) {
        return check(field, value, Limits.OPAQUE_ID, "1..64 visible ASCII characters");
    }

    /** A client request id: 1–64 printable ASCII characters (space allowed). */
    public static String requestId(final String field, final String value) {
        return check(field, value, Limits.REQUEST_ID, "1..64 printable ASCII characters");
    }

    /** A platform's point symbol. */
    public static String symbol(final String field, final String value) {
        return check(field, value, Limits.SYMBOL, "1..16 of [A-Za-z0-9]");
    }

    /** An ISO-4217-shaped currency code. */
    public static String currency(final String field, final String value) {
        return check(field, value, Limits.CURRENCY, "3 upper-case letters (ISO 4217)");
    }

    /**
     * Free text (names, reasons): 1..max characters, none a control character or unpaired surrogate. Fixed code point
     * ranges, not Character.getType, so every endorser on every JDK gives the same verdict.
     */
    public static String text(final String field, final String value, final int max) {
        final int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length < 1 || length > max) {
            throw refusal(VALIDATION_FAILED, field + " must be 1.." + max + " characters, got " + length);
        }
        value.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
                    || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                throw refusal(VALIDATION_FAILED, field + " has a non-printable character "
                        + String.format("U+%04X", cp));
            }
        });
        return value;
    }

    /** The value as shown in messages: non-visible characters escaped, cut at 80 characters. */
    public static String display(final String value) {
        if (value == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return value.length() > MAX_SHOWN ? out + "..." : out.toString();
    }

    private static String check(final String field, final String value, final Pattern pattern, final String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw refusal(VALIDATION_FAILED, field + " '" + display(value) + "' must be " + rule);
        }
        return value;
    }
}
