package org.pointsnet.chaincode.ledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class FeeRuleTest {
    @Test
    void proportionalFeeRoundsUp() {
        final FeeRule rule = new FeeRule(1, 100, 0, 1_000); // 1 %
        assertEquals(1, rule.fee(1)); // 0.01 → 1
        assertEquals(1, rule.fee(100));
        assertEquals(2, rule.fee(101)); // 1.01 → 2
    }

    @Test
    void clampedToMinAndMaxButNeverAboveGross() {
        final FeeRule rule = new FeeRule(1, 100, 3, 10);
        assertEquals(3, rule.fee(50));
        assertEquals(10, rule.fee(5_000));
        assertEquals(2, rule.fee(2)); // min 3 but the gross is 2
    }

    @Test
    void invalidRulesAreRefused() {
        assertThrows(ChaincodeException.class, () -> new FeeRule(1, 10_001, 0, 0));
        assertThrows(ChaincodeException.class, () -> new FeeRule(1, -1, 0, 0));
        assertThrows(ChaincodeException.class, () -> new FeeRule(1, 10, 5, 4));
        assertThrows(ChaincodeException.class, () -> new FeeRule(1, 10, -1, 4));
    }
}
