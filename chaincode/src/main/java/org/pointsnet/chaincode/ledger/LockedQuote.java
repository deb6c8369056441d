package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.QUOTE_EXPIRED;
import static org.pointsnet.contract.ErrorCode.RULES_CHANGED;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Quote;
import org.pointsnet.chaincode.ledger.request.Request;

/**
 * A quote a conversion is locked to: the amount the user was promised, the rule versions it was priced with, and
 * when it stops holding. The chaincode enforces the rules and the amount absolutely (they are read from state, so a
 * rule change committed before this transaction is seen, and one committed after it makes this transaction an MVCC
 * conflict). The expiry it checks against the transaction timestamp, which the submitting client chooses: a
 * rogue source org could backdate it, so the gateway that issued the quote checks the expiry against its own clock as
 * well (docs/ledger.md, "Locked quotes").
 *
 * @param amountOut the promised amountOut
 * @param rules the promised {@code RulesUsed.version()}
 * @param expiresAt the last instant the quote holds
 */
record LockedQuote(long amountOut, String rules, Instant expiresAt) {

    /** The locked quote of a Convert request: all three quote fields, or none (empty). */
    static Optional<LockedQuote> of(final Request r) {
        final Optional<Long> amountOut = r.optInteger("quotedAmountOut");
        final Optional<String> rules = r.optText("quotedRules");
        final Optional<String> expiresAt = r.optText("quoteExpiresAt");
        if (amountOut.isEmpty() && rules.isEmpty() && expiresAt.isEmpty()) {
            return Optional.empty();
        }
        if (amountOut.isEmpty() || rules.isEmpty() || expiresAt.isEmpty()) {
            throw refusal(VALIDATION_FAILED, "quotedAmountOut, quotedRules and quoteExpiresAt go together");
        }
        final String version = rules.get();
        if (version.isEmpty() || version.length() > 256) {
            throw refusal(VALIDATION_FAILED, "quotedRules must have 1 to 256 characters");
        }
        try {
            return Optional.of(new LockedQuote(Amounts.requirePositive("quotedAmountOut", amountOut.get()), version,
                    Instant.parse(expiresAt.get())));
        } catch (DateTimeParseException e) {
            throw refusal(VALIDATION_FAILED, "quoteExpiresAt '" + Ids.display(expiresAt.get())
                    + "' must be an ISO-8601 instant");
        }
    }

    /** QUOTE_EXPIRED when the transaction time is after the expiry. */
    void requireUnexpired(final Instant txTime) {
        if (txTime.isAfter(expiresAt)) {
            throw refusal(QUOTE_EXPIRED, "the quote held until " + expiresAt + "; the transaction is at " + txTime);
        }
    }

    /** RULES_CHANGED unless {@code now}, the price at the rules in force, is exactly what was quoted. */
    void requireSame(final Quote now) {
        final String current = now.rules().version();
        if (!current.equals(rules)) {
            // Only the members that differ: the whole strings are long and the message would cut them.
            final Set<String> quoted = new LinkedHashSet<>(List.of(rules.split(";")));
            final Set<String> inForce = new LinkedHashSet<>(List.of(current.split(";")));
            final Set<String> quotedOnly = new LinkedHashSet<>(quoted);
            quotedOnly.removeAll(inForce);
            inForce.removeAll(quoted);
            throw refusal(RULES_CHANGED, "the quote used rules '" + Ids.display(String.join(";", quotedOnly))
                    + "'; in force now: '" + String.join(";", inForce) + "'");
        }
        if (now.amountOut() != amountOut) {
            throw refusal(RULES_CHANGED, "the quote promised amountOut " + amountOut + "; the rules in force pay "
                    + now.amountOut());
        }
    }
}
