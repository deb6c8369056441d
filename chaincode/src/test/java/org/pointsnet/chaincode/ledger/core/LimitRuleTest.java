package org.pointsnet.chaincode.ledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitRuleTest {
    @Test
    void pairLimitsSwitchOnTheirFirstDay() {
        final LimitRule rule = new LimitRule(2, null, null, List.of(new PairLimit("b", 500)), "2025-03-15",
                List.of(new PairLimit("b", 100)));
        assertEquals(Optional.of(100L), rule.pairLimit("b", "2025-03-14"));
        assertEquals(Optional.of(500L), rule.pairLimit("b", "2025-03-15"));
        assertEquals(Optional.empty(), rule.pairLimit("c", "2025-03-15"));
    }

    @Test
    void daysFollowTheZone() {
        final java.time.Instant at = java.time.Instant.parse("2025-03-14T17:00:00Z");
        assertEquals("2025-03-15", Periods.day(at, "Asia/Shanghai"));
        assertEquals("2025-03-14", Periods.day(at, "UTC"));
        assertEquals("2025-03", Periods.period(at, "UTC", Periods.MONTH));
        assertEquals("2025-03-15", Periods.nextDay("2025-03-14"));
    }
}
