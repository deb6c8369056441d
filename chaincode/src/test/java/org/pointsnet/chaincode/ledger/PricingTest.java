package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.core.ExchangeRate;
import org.pointsnet.chaincode.ledger.core.FeeRule;
import org.pointsnet.chaincode.ledger.core.Fixtures;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.chaincode.ledger.model.Quote;

class PricingTest {
    // Seed §5.1: base 0.01 CNY, platform multipliers a 1.0, b 1.2, c 0.8.
    private final Valuation a = Fixtures.valued("platform-a", 0, "0.01", "1.0", "CNY");
    private final Valuation b = Fixtures.valued("platform-b", 0, "0.01", "1.2", "CNY");
    private final Valuation c = Fixtures.valued("platform-c", 0, "0.01", "0.8", "CNY");

    @Test
    void seedExampleAtoBIsFlooredOnce() {
        // 1000 × (0.01 / 0.012) = 833.33… → 833, not 833.33 as the seed's float code prints.
        final Quote q = Pricing.quote(a, b, 1000, Pricing.rate(a, b, Optional.empty()), null, null);
        assertEquals(833, q.gross());
        assertEquals(0, q.fee());
        assertEquals(833, q.amountOut());
        assertEquals("0.833333333333", q.rate());
        assertEquals(ExchangeRate.UNIT_VALUE, q.rules().rateSource());
        assertNull(q.rules().rateVersion());
    }

    @Test
    void derivedRateIsExactNotRoundedBeforeMultiplying() {
        // b → c: 1.2/0.8 = 1.5 exactly; 999 × 1.5 = 1498.5 → 1498.
        assertEquals(1498, Pricing.rate(b, c, Optional.empty()).gross(999, 0, 0));
        // a → b with a rate pre-rounded to 12 places would give 833333333333 for 10^12; exact gives the floor of
        // 833333333333.33…, the same here, but for 3×10^14 pre-rounding loses a point: exact 250000000000000.
        assertEquals(250_000_000_000_000L, Pricing.rate(a, b, Optional.empty()).gross(300_000_000_000_000L, 0, 0));
    }

    @Test
    void decimalsAreScaled() {
        // A has 2 decimals (1234 = 12.34 points), B has 0: 12.34 points × 1 = 12 points of B.
        final Valuation a2 = Fixtures.valued("a2", 2, "0.01", "1", "CNY");
        final Valuation b0 = Fixtures.valued("b0", 0, "0.01", "1", "CNY");
        assertEquals(12, Pricing.rate(a2, b0, Optional.empty()).gross(1234, 2, 0));
        assertEquals(123_400, Pricing.rate(b0, a2, Optional.empty()).gross(1234, 0, 2));
    }

    @Test
    void agreedRateWinsOverUnitValues() {
        final ExchangeRate agreed = new ExchangeRate(new BigDecimal("2"), BigDecimal.ONE, ExchangeRate.RULE, 3L);
        final Quote q = Pricing.quote(a, b, 10, Pricing.rate(a, b, Optional.of(agreed)), null, null);
        assertEquals(20, q.amountOut());
        assertEquals(3L, q.rules().rateVersion());
    }

    @Test
    void differentCurrenciesWithoutAgreedRateIsRateNotFound() {
        final Valuation usd = Fixtures.valued("usd", 0, "0.01", "1", "USD");
        final ChaincodeException e = assertThrows(ChaincodeException.class,
                () -> Pricing.rate(a, usd, Optional.empty()));
        assertTrue(e.getMessage().startsWith("RATE_NOT_FOUND: no agreed rate from 'platform-a' to 'usd'"),
                e.getMessage());
        assertArrayEquals("RATE_NOT_FOUND".getBytes(UTF_8), e.getPayload());
    }

    @Test
    void feeIsCeiledClampedAndTakenFromGross() {
        final FeeRule fee = new FeeRule(7, 150, 2, 40); // 1.5 %, min 2, max 40
        final Quote q = Pricing.quote(a, c, 1000, Pricing.rate(a, c, Optional.empty()), fee, null);
        assertEquals(1250, q.gross()); // 1000 × 1.25
        assertEquals(19, q.fee()); // ceil(18.75)
        assertEquals(1231, q.amountOut());
        assertEquals(7L, q.rules().feeVersion());
    }

    @Test
    void nothingLeftAfterFeeIsRefused() {
        final FeeRule fee = new FeeRule(1, 0, 5, 5);
        final ChaincodeException e = assertThrows(ChaincodeException.class,
                () -> Pricing.quote(a, b, 5, Pricing.rate(a, b, Optional.empty()), fee, null));
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: amount 5 of 'platform-a' converts to 4"),
                e.getMessage());
    }

    @Test
    void overlargeResultIsValidationFailedNotOverflow() {
        final ExchangeRate huge = new ExchangeRate(new BigDecimal("1000000"), BigDecimal.ONE, ExchangeRate.RULE, 1L);
        final ChaincodeException e = assertThrows(ChaincodeException.class,
                () -> huge.gross(Amounts.MAX_AMOUNT, 0, 0));
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: converted amount"), e.getMessage());
    }
}
