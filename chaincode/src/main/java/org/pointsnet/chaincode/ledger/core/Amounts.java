package org.pointsnet.chaincode.ledger.core;

import org.pointsnet.contract.Limits;
import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

/** Point amounts in smallest units: range checks and overflow-checked arithmetic (an overflow is never a wrap). */
public final class Amounts {
    /** Largest amount one request may move: 10^15 smallest units, far below Long.MAX_VALUE so sums stay exact. */
    public static final long MAX_AMOUNT = Limits.MAX_AMOUNT;

    private Amounts() {}

    /** Checks 1 ≤ amount ≤ MAX_AMOUNT; {@code what} names the field in the error. */
    public static long requirePositive(final String what, final long amount) {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw refusal(VALIDATION_FAILED, what + " must be 1.." + MAX_AMOUNT + ", got " + amount);
        }
        return amount;
    }

    /** Checks 0 ≤ amount ≤ MAX_AMOUNT. */
    public static long requireNonNegative(final String what, final long amount) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw refusal(VALIDATION_FAILED, what + " must be 0.." + MAX_AMOUNT + ", got " + amount);
        }
        return amount;
    }

    /** a + b, or VALIDATION_FAILED naming {@code what} on overflow. */
    public static long add(final String what, final long a, final long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw refusal(VALIDATION_FAILED, what + " overflows (" + a + " + " + b + ")");
        }
    }

    /** a − b, or VALIDATION_FAILED naming {@code what} on overflow. */
    public static long subtract(final String what, final long a, final long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw refusal(VALIDATION_FAILED, what + " overflows (" + a + " - " + b + ")");
        }
    }

    /** a × b, or VALIDATION_FAILED naming {@code what} on overflow. */
    public static long multiply(final String what, final long a, final long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw refusal(VALIDATION_FAILED, what + " overflows (" + a + " * " + b + ")");
        }
    }
}
