package org.pointsnet.chaincode.ledger.core;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Exact decimal strings (unit values, multipliers, rates): parsed without floating point, written in plain form. */
public final class Decimals {
    // Plain notation only ("0.01", never "1E-2"): what is stored is what was approved, byte for byte.
    private static final Pattern PLAIN = Pattern.compile("\\d{1,18}(\\.\\d{1,18})?");

    private Decimals() {}

    /** Parses a strictly positive plain decimal such as "0.01" or "1.2". */
    public static BigDecimal positive(final String field, final String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw refusal(VALIDATION_FAILED, field + " '" + Ids.display(value)
                    + "' must be a plain decimal string like \"0.01\" (up to 18 digits before and after the point)");
        }
        final BigDecimal parsed = new BigDecimal(value);
        if (parsed.signum() <= 0) {
            throw refusal(VALIDATION_FAILED, field + " must be greater than 0, got " + value);
        }
        return parsed;
    }

    /** The canonical text of a decimal: plain notation, no trailing zeros, "0" for zero. */
    public static String text(final BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
