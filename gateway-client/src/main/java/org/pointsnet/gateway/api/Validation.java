package org.pointsnet.gateway.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.UserId;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import org.pointsnet.gateway.web.RequestLimits;

/**
 * Input rules of API.md and docs/ledger.md, checked before any ledger call; failures are 400 VALIDATION_FAILED. The
 * rules the chaincode checks again come from the contract's {@link Limits}, so the two cannot drift apart.
 */
public final class Validation {

    public static final int MAX_CURSOR = 512;
    /** The start of every request id the gateway derives from an end user's key; refused in a key itself. */
    public static final String USER_SCOPED = "~";

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private Validation() {
    }

    static ApiRequestException invalid(final String detail) {
        return ApiRequestException.invalid(detail);
    }

    public static String platformId(final String name, final String value) {
        return matching(name, value, Limits.PLATFORM_ID);
    }

    /** A point symbol: 1 to 16 letters and digits. */
    public static String symbol(final String name, final String value) {
        return matching(name, value, Limits.SYMBOL);
    }

    /** An earning category: lower-case letters, digits, '-' and '_', at most 32. */
    public static String category(final String name, final String value) {
        return matching(name, value, Limits.CATEGORY);
    }

    /** An ISO 4217 currency code: three upper-case letters. */
    public static String currency(final String name, final String value) {
        return matching(name, value, Limits.CURRENCY);
    }

    /** 400 unless {@code value} matches {@code pattern}, which the message quotes (it is the rule to follow). */
    private static String matching(final String name, final String value, final Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(name + " must match " + pattern.pattern());
        }
        return value;
    }

    /** userId, rewardId, platformUserId: 1..max visible ASCII characters (no spaces, no control characters). */
    public static String visibleAscii(final String name, final String value, final int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw invalid(name + " must have 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw invalid(name + " may contain only visible ASCII characters");
            }
        }
        return value;
    }

    /**
     * A network user id by the contract's one rule ({@link UserId}, the chaincode checks it again). Text that is no
     * id at all is 400; visible ASCII that breaks the rule names no user any platform could have created, so it is
     * 404 USER_NOT_FOUND, like a well-formed id its platform never registered (which the chaincode refuses).
     */
    public static String userId(final String name, final String value) {
        visibleAscii(name, value, Limits.MAX_ID);
        if (!UserId.isValid(value)) {
            throw new ApiRequestException(ErrorCode.USER_NOT_FOUND, name + " names no user: user ids are "
                + UserId.rule() + ", as POST /api/v1/users returns them");
        }
        return value;
    }

    /**
     * The Idempotency-Key header: 1–64 printable ASCII characters (inner spaces allowed, as in the chaincode's
     * request ids; none at either end, which proxies may trim), not starting with {@link #USER_SCOPED} (those request
     * ids are the gateway's, for end users' keys: {@code Ledger.requestId}); it becomes the chaincode request id.
     */
    public static String idempotencyKey(final String value) {
        if (value == null) {
            throw invalid("the Idempotency-Key header is required");
        }
        if (value.startsWith(USER_SCOPED)) {
            throw invalid("Idempotency-Key must not start with '" + USER_SCOPED + "' (reserved)");
        }
        if (value.isEmpty() || value.length() > Limits.MAX_ID || !value.equals(value.strip())) {
            throw invalid("Idempotency-Key must have 1 to " + Limits.MAX_ID + " printable ASCII characters"
                + " and no space at either end");
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("Idempotency-Key may contain only printable ASCII characters");
            }
        }
        return value;
    }

    /** Free text (names, reasons): 1..max code points, no control, format, private-use or unassigned characters. */
    public static String text(final String name, final String value, final int max) {
        if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > max) {
            throw invalid(name + " must have 1 to " + max + " characters");
        }
        value.codePoints().forEach(cp -> {
            final int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw invalid(name + " contains a control or unsupported character");
            }
        });
        return value;
    }

    public static String period(final String value) {
        if (value == null || !PERIOD.matcher(value).matches()) {
            throw invalid("period must be YYYY-MM-DD or YYYY-MM");
        }
        return value;
    }

    public static String decimal(final String name, final String value) {
        if (value == null || !Limits.DECIMAL.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
            throw invalid(name + " must be a positive decimal string like \"0.5\"");
        }
        return value;
    }

    /** An integer in [min, max] given as a JSON number or query parameter, already known to be integral. */
    static long inRange(final String name, final BigInteger value, final long min, final long max) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(name + " must be an integer from " + min + " to " + max);
        }
        return value.longValueExact();
    }

    /** A query parameter holding an integer in [min, max] (digits only: no sign, no fraction, no exponent). */
    public static long queryInteger(final String name, final String value, final long min, final long max) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw invalid(name + " must be an integer from " + min + " to " + max);
        }
        return inRange(name, new BigInteger(value), min, max);
    }

    /** 400 VALIDATION_FAILED (API.md's codes have no 413) for a body over 64 KiB. */
    public static void bodySize(final String body) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > RequestLimits.MAX_BODY_BYTES) {
            throw new ApiRequestException(ErrorCode.VALIDATION_FAILED,
                "The request body exceeds " + RequestLimits.MAX_BODY_BYTES + " bytes.");
        }
    }
}
