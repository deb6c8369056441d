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
import org.pointsnet.contract.RulesUsed;

/** Prices a conversion A→B: the rate (agreed rule, else unit values), the fee, and what the user receives. */
public final class Pricing {
    private Pricing() {}

    /**
     * The seed §5.1 rate value(A)/value(B) per whole point, kept as an exact fraction; only platforms that value their
     * points in the same currency can be compared (there is no FX rate on the ledger).
     */
    public static Optional<ExchangeRate> unitValueRate(final Platform from, final Platform to) {
        if (!from.currency().equals(to.currency())) {
            return Optional.empty();
        }
        return Optional.of(new ExchangeRate(from.pointValue(), to.pointValue(), ExchangeRate.UNIT_VALUE, null));
    }

    /** The agreed pair rate if there is one, else the unit-value rate, else RATE_NOT_FOUND naming the pair. */
    public static ExchangeRate rate(final Platform from, final Platform to, final Optional<ExchangeRate> agreed) {
        return agreed.or(() -> unitValueRate(from, to)).orElseThrow(() -> refusal(RATE_NOT_FOUND,
                "no agreed rate from '" + from.platformId() + "' to '" + to.platformId()
                + "' and their currencies differ (" + from.currency() + ", " + to.currency() + ")"));
    }

    /**
     * amountOut = floor(amountIn × rate) − fee. A conversion that would pay the user nothing is refused: the user
     * would give up points for no points.
     */
    public static Quote quote(final Platform from, final Platform to, final long amountIn, final ExchangeRate rate,
            final FeeRule fee, final LimitRule limits) {
        final long gross = rate.gross(amountIn, from.decimals(), to.decimals());
        final long feeAmount = fee == null ? 0 : fee.fee(gross);
        final long out = gross - feeAmount; // fee ≤ gross, so no underflow
        if (out < 1) {
            throw refusal(VALIDATION_FAILED, "amount " + amountIn + " of '" + from.platformId() + "' converts to "
                    + gross + " of '" + to.platformId() + "' with fee " + feeAmount + ": nothing left to credit");
        }
        final RulesUsed rules = new RulesUsed(rate.source(), rate.version(), from.version(), to.version(),
                fee == null ? null : fee.version(), limits == null ? null : limits.version());
        return new Quote(from.platformId(), to.platformId(), amountIn, rate.display(), gross, feeAmount, out, rules);
    }
}
