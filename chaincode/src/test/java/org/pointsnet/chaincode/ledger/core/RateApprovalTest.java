package org.pointsnet.chaincode.ledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RateApprovalTest {
    private static RateApproval approve(final long v, final String rate, final RateApproval own,
            final RateApproval other) {
        return RateApproval.approve("a", "b", v, rate, own, other);
    }

    @Test
    void oneSideAloneIsNotEffective() {
        final RateApproval a1 = approve(1, "2", null, null);
        assertTrue(RateApproval.effective(a1, null).isEmpty());
    }

    @Test
    void sameVersionAndRateOnBothSidesIsEffective() {
        final RateApproval a1 = approve(1, "2", null, null);
        final RateApproval b1 = approve(1, "2", null, a1);
        assertEquals(1L, b1.agreedVersion());
        assertEquals(new BigDecimal("2"), RateApproval.effective(a1, b1).orElseThrow().numerator());
        // Concurrent approvals that saw nothing of each other still agree.
        assertEquals(1L, RateApproval.effective(approve(1, "2", null, null), approve(1, "2", null, null))
                .orElseThrow().version());
    }

    @Test
    void differentRatesDoNotAgree() {
        final RateApproval a1 = approve(1, "2", null, null);
        final RateApproval b1 = approve(1, "3", null, a1);
        assertTrue(RateApproval.effective(a1, b1).isEmpty());
    }

    @Test
    void aNewProposalKeepsTheOldAgreementUntilBothApprove() {
        final RateApproval a1 = approve(1, "2", null, null);
        final RateApproval b1 = approve(1, "2", null, a1);
        final RateApproval a2 = approve(2, "2.5", a1, b1);
        assertEquals(1L, RateApproval.effective(a2, b1).orElseThrow().version());
        final RateApproval b2 = approve(2, "2.5", b1, a2);
        assertEquals(2L, RateApproval.effective(a2, b2).orElseThrow().version());
        assertEquals("2.5", RateApproval.effective(a2, b2).orElseThrow().display());
    }
}
