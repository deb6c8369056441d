package org.pointsnet.chaincode.ledger.core;

import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.pointsnet.chaincode.ledger.Pricing;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.chaincode.ledger.model.Quote;

/** Rounding never creates value: what B pays out (user and fee) is worth at most what A took in. */
class RoundingPropertiesTest {
    @Property(tries = 500)
    boolean unitValueConversionNeverCreatesValue(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 0, max = 6) int decA, @ForAll @IntRange(min = 0, max = 6) int decB,
            @ForAll @IntRange(min = 1, max = 5000) int valueA, @ForAll @IntRange(min = 1, max = 5000) int valueB,
            @ForAll @IntRange(min = 0, max = 10000) int bps) {
        final Valuation a = Fixtures.valued("a", decA, BigDecimal.valueOf(valueA, 4).toPlainString(), "1", "CNY");
        final Valuation b = Fixtures.valued("b", decB, BigDecimal.valueOf(valueB, 3).toPlainString(), "1.2", "CNY");
        final Quote q;
        try {
            q = Pricing.quote(a, b, amount, Pricing.rate(a, b, Optional.empty()), new FeeRule(1, bps, 0, 1_000_000),
                    null);
        } catch (org.hyperledger.fabric.shim.ChaincodeException tooSmallOrLarge) {
            return true;
        }
        final BigDecimal in = a.valueOf(amount);
        final BigDecimal out = b.valueOf(q.amountOut() + q.fee());
        // value(gross) ≤ value(in) < value(gross + 1 unit of B): floored, and floored only once.
        return out.compareTo(in) <= 0 && b.valueOf(q.gross() + 1).compareTo(in) > 0
                && q.fee() >= 0 && q.fee() <= q.gross() && q.amountOut() == q.gross() - q.fee();
    }

    @Property(tries = 300)
    boolean feeIsCeilingOfBasisPointsWithinBounds(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long gross,
            @ForAll @IntRange(min = 0, max = 10000) int bps, @ForAll @LongRange(min = 0, max = 1000) long min,
            @ForAll @LongRange(min = 0, max = 100_000) long extra) {
        final FeeRule rule = new FeeRule(1, bps, min, min + extra);
        final long fee = rule.fee(gross);
        final BigDecimal exact = BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(bps)).movePointLeft(4);
        final boolean clamped = fee == Math.min(gross, min) || fee == Math.min(gross, min + extra);
        return fee <= gross && fee >= 0 && (clamped || (BigDecimal.valueOf(fee).compareTo(exact) >= 0
                && BigDecimal.valueOf(fee - 1).compareTo(exact) < 0));
    }
}
