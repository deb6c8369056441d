package org.pointsnet.chaincode.probe;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.regex.Pattern;

/** Argument rules of the probe contract; each check throws VALIDATION_FAILED before anything is written. */
final class ProbeRules {
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_LENGTH + "}");
    // Longer keys are cut in error messages so a hostile argument cannot flood logs and responses.
    private static final int MAX_SHOWN_KEY_LENGTH = MAX_KEY_LENGTH + 16;

    private ProbeRules() {}

    static void checkKey(final String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw refusal(VALIDATION_FAILED, 
                    "key '" + display(key) + "' must be 1.." + MAX_KEY_LENGTH + " characters of [A-Za-z0-9._-]");
        }
    }

    /**
     * Checks the value: 1..1024 Unicode characters (code points), none of them a control or line-separator
     * character, and no unpaired surrogates.
     */
    static void checkValue(final String key, final String value) {
        final int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_VALUE_LENGTH) {
            throw refusal(VALIDATION_FAILED, "key '" + display(key) + "' value must be 1.." + MAX_VALUE_LENGTH
                    + " characters, got " + length);
        }
        int position = 0;
        for (int i = 0; i < value.length(); position++) {
            final int cp = value.codePointAt(i);
            if (!isPrintable(cp)) {
                throw refusal(VALIDATION_FAILED, "key '" + display(key) + "' value has non-printable character "
                        + String.format("U+%04X", cp) + " at position " + position);
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Fixed code point ranges rather than {@code Character.getType}: every endorsing peer must reach the same
     * verdict, and the Unicode tables change between JDK releases while these ranges do not.
     */
    private static boolean isPrintable(final int cp) {
        return cp >= 0x20
                && !(cp >= 0x7F && cp <= 0x9F) // DEL and the C1 controls
                && cp != 0x2028 // line separator
                && cp != 0x2029 // paragraph separator
                && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE); // left unpaired
    }

    /** The key as shown in messages: control characters escaped, overlong keys cut. */
    static String display(final String key) {
        if (key == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder();
        key.codePoints().limit(MAX_SHOWN_KEY_LENGTH).forEach(cp -> {
            if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        if (key.codePointCount(0, key.length()) > MAX_SHOWN_KEY_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
