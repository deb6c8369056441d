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

    @Test
    void oneSidesRecordCannotMakeARateAgreedWhateverItClaims() {
        final RateApproval a1 = approve(1, "2", null, null);
        // B writes into its own collection an "agreement" at version 99, rate 1000, that A never approved.
        final RateApproval forged = new RateApproval("a", "b", 99, "1000", 99L, "1000");
        assertTrue(RateApproval.effective(a1, forged).isEmpty());
        // Nor can it claim A's version at another rate.
        assertTrue(RateApproval.effective(a1, new RateApproval("a", "b", 1, "1000", 1L, "1000")).isEmpty());
        // And A's own approval of a version does not import B's claims when A approves next.
        final RateApproval a2 = approve(2, "2.5", a1, forged);
        assertEquals(null, a2.agreedVersion());
        assertTrue(RateApproval.effective(a2, forged).isEmpty());
    }

    @Test
    void anAgreedVersionStaysInForceOnlyWhileBothSidesStillShowIt() {
        final RateApproval a1 = approve(1, "2", null, null);
        final RateApproval b1 = approve(1, "2", null, a1);
        assertEquals(1L, RateApproval.effective(a1, b1).orElseThrow().version());
        // B withdraws its approval of version 1 by overwriting its own record: its right, and the rate lapses.
        assertTrue(RateApproval.effective(a1, new RateApproval("a", "b", 3, "7", null, null)).isEmpty());
        // Several proposals later the last version both approved still applies.
        final RateApproval a2 = approve(2, "2.5", a1, b1);
        final RateApproval a3 = approve(3, "3", a2, b1);
        assertEquals(1L, a3.agreedVersion());
        assertEquals(1L, RateApproval.effective(a3, b1).orElseThrow().version());
    }
}
