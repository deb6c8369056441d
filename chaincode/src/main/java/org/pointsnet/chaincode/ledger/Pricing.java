package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.RATE_NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.Optional;
import org.pointsnet.chaincode.ledger.core.ExchangeRate;
import org.pointsnet.chaincode.ledger.core.FeeRule;
import org.pointsnet.chaincode.ledger.core.LimitRule;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Quote;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.contract.RulesUsed;

/** Prices a conversion A→B: the rate (agreed rule, else unit values), the fee, and what the user receives. */
public final class Pricing {
    private Pricing() {}

    /**
     * The seed §5.1 rate value(A)/value(B) per whole point, each at its value-rule version in force, kept as an exact
     * fraction; only platforms that value their points in the same currency can be compared (there is no FX rate on
     * the ledger).
     */
    public static Optional<ExchangeRate> unitValueRate(final Valuation from, final Valuation to) {
        if (!from.platform().currency().equals(to.platform().currency())) {
            return Optional.empty();
        }
        return Optional.of(new ExchangeRate(from.pointValue(), to.pointValue(), ExchangeRate.UNIT_VALUE, null));
    }

    /** The agreed pair rate if there is one, else the unit-value rate, else RATE_NOT_FOUND naming the pair. */
    public static ExchangeRate rate(final Valuation from, final Valuation to, final Optional<ExchangeRate> agreed) {
        final Platform a = from.platform();
        final Platform b = to.platform();
        return agreed.or(() -> unitValueRate(from, to)).orElseThrow(() -> refusal(RATE_NOT_FOUND,
                "no agreed rate from '" + a.platformId() + "' to '" + b.platformId()
                + "' and their currencies differ (" + a.currency() + ", " + b.currency() + ")"));
    }

    /**
     * amountOut = floor(amountIn × rate) − fee. A conversion that would pay the user nothing is refused: the user
     * would give up points for no points.
     */
    public static Quote quote(final Valuation fromValue, final Valuation toValue, final long amountIn,
            final ExchangeRate rate, final FeeRule fee, final LimitRule limits) {
        final Platform from = fromValue.platform();
        final Platform to = toValue.platform();
        final long gross = rate.gross(amountIn, from.decimals(), to.decimals());
        final long feeAmount = fee == null ? 0 : fee.fee(gross);
        final long out = gross - feeAmount; // fee ≤ gross, so no underflow
        if (out < 1) {
            throw refusal(VALIDATION_FAILED, "amount " + amountIn + " of '" + from.platformId() + "' converts to "
                    + gross + " of '" + to.platformId() + "' with fee " + feeAmount + ": nothing left to credit");
        }
        final RulesUsed rules = new RulesUsed(rate.source(), rate.version(), from.version(), to.version(),
                fromValue.rule().version(), toValue.rule().version(), fee == null ? null : fee.version(),
                limits == null ? null : limits.version());
        return new Quote(from.platformId(), to.platformId(), amountIn, rate.display(), gross, feeAmount, out, rules);
    }
}
