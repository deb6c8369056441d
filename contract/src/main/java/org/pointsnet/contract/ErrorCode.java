package org.pointsnet.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every refusal the chaincode returns, and its one wire format: the chaincode's error message is
 * {@code "CODE: detail"} and its payload is {@code CODE}. Fabric delivers only the message to clients, wrapped in its
 * own text ("chaincode response 500, CODE: detail"), so {@link #read} is how a client reads the code back.
 */
public enum ErrorCode {
    /** The arguments break a rule; nothing was written. */
    VALIDATION_FAILED,
    /** The requested record does not exist. */
    NOT_FOUND,
    /** Points would go to a user id that its platform never registered (user:Register). */
    USER_NOT_FOUND,
    /** The caller's organization may not act on the named platform's data. */
    FORBIDDEN,
    /** The account holds fewer points than the transaction takes. */
    INSUFFICIENT_BALANCE,
    /** A per-transaction, per-user, per-pair or per-reward limit would be exceeded. */
    LIMIT_EXCEEDED,
    /** No agreed pair rate and no unit-value rate (different currencies) for a conversion. */
    RATE_NOT_FOUND,
    /** The conversion would pay out less than the caller's minAmountOut. */
    SLIPPAGE,
    /** The reward is out of stock, inactive or outside its window. */
    REWARD_UNAVAILABLE,
    /** The platform is suspended: readable, not tradable. */
    PLATFORM_SUSPENDED,
    /** The request id was already used for a different request. */
    IDEMPOTENCY_KEY_REUSED,
    /** A locked quote's validity ended before the conversion (by the gateway's clock or the transaction time). */
    QUOTE_EXPIRED,
    /** A rule a locked quote used (rate, platform record, fee, limits) changed since: the quote no longer holds. */
    RULES_CHANGED,
    /**
     * The transaction cannot be reversed: already reversed, itself a reversal, outside the reversal window, or
     * reversals are disabled by a platform it concerns.
     */
    NOT_REVERSIBLE;

    private static final Pattern FABRIC_PREFIX = Pattern.compile("chaincode response \\d+, ");
    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*): (.*)", Pattern.DOTALL);

    /**
     * A message in the wire format whatever its code: a chaincode built after this code may send a code it lacks.
     *
     * @param code the code as written, upper-case words joined by underscores
     * @param detail the human-readable rest
     */
    public record Coded(String code, String detail) {
        /** The code as this build knows it; empty for a code it does not know. */
        public Optional<ErrorCode> known() {
            return named(code);
        }
    }

    /** The chaincode's error message for this code. */
    public String message(final String detail) {
        return name() + ": " + detail;
    }

    /** The code called {@code name}; empty for any other text (no exception, unlike {@link #valueOf}). */
    public static Optional<ErrorCode> named(final String name) {
        for (final ErrorCode code : values()) {
            if (code.name().equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the coded chaincode message in whatever a peer or gateway wrapped around it: the text after the last
     * "chaincode response NNN, " (or all of it, when endorsements came from other orgs), in the wire format. Any code
     * is read, known or not ({@link Coded#known}), so a client can tell a newer chaincode's refusal from a failure;
     * empty for any other text, such as gRPC descriptions.
     */
    public static Optional<Coded> read(final String peerMessage) {
        if (peerMessage == null) {
            return Optional.empty();
        }
        String text = peerMessage;
        final Matcher prefix = FABRIC_PREFIX.matcher(text);
        int start = -1;
        while (prefix.find()) {
            start = prefix.end();
        }
        if (start >= 0) {
            text = text.substring(start);
        }
        final Matcher coded = CODED.matcher(text.strip());
        if (!coded.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Coded(coded.group(1), coded.group(2).strip()));
    }
}
