package org.pointsnet.chaincode.ledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.support.Json;
import org.pointsnet.contract.Limits;

class LotsTest {
    private static final Instant T = Instant.parse("2026-03-14T10:15:30Z");

    private static Instant t(final String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aPeriodOfDaysExpiresAtTheNextWholeUtcDaySoADaysCreditsMergeShorterOnesAtTheSecond() {
        assertEquals(t("2026-03-15T10:15:29Z"), Lots.expiryOf(T, 86_399)); // shorter than a day: to the second
        assertEquals(t("2026-03-14T10:15:50Z"), Lots.expiryOf(T, 20));
        assertEquals(t("2026-03-14T10:15:51Z"), Lots.expiryOf(T.plusMillis(1), 20));
        assertEquals(t("2026-03-16T00:00:00Z"), Lots.expiryOf(T, 86_400));
        assertEquals(t("2026-03-15T00:00:00Z"), Lots.expiryOf(t("2026-03-14T00:00:00Z"), 86_400));
        final Account a = Lots.credit(Lots.credit(Account.of(0), 5, Lots.expiryOf(T, 86_400)), 7,
                Lots.expiryOf(T.plusSeconds(3600), 86_400));
        assertEquals(List.of(new Lot("2026-03-16T00:00:00Z", 12)), a.lots(), "one lot per expiry day");
    }

    @Test
    void creditsKeepLotsSortedAndANeverExpiringCreditOnlyRaisesTheBalance() {
        Account a = Account.of(10); // an account from before expiry: 10 that never expire
        a = Lots.credit(a, 3, t("2026-05-01T00:00:00Z"));
        a = Lots.credit(a, 4, t("2026-04-01T00:00:00Z"));
        a = Lots.credit(a, 2, null);
        a = Lots.credit(a, 1, t("2026-05-01T00:00:00Z"));
        assertEquals(20, a.value());
        assertEquals(List.of(new Lot("2026-04-01T00:00:00Z", 4), new Lot("2026-05-01T00:00:00Z", 4)), a.lots());
        assertEquals("{\"value\":20,\"lots\":[{\"expiresAt\":\"2026-04-01T00:00:00Z\",\"amount\":4},"
                + "{\"expiresAt\":\"2026-05-01T00:00:00Z\",\"amount\":4}]}", Json.write(a));
        assertEquals("{\"value\":10}", Json.write(Account.of(10)), "records without lots stay as before");
    }

    @Test
    void aDebitTakesTheEarliestLotFirstSkipsExpiredLotsAndSpendsTheNeverExpiringPartLast() {
        Account a = Lots.credit(Account.of(5), 30, t("2026-03-14T10:00:00Z")); // expired at T
        a = Lots.credit(a, 20, t("2026-04-01T00:00:00Z"));
        a = Lots.credit(a, 10, t("2026-05-01T00:00:00Z"));
        assertEquals(30, Lots.expired(a, T));
        assertEquals(35, Lots.spendable(a, T));
        final Lots.Debited d = Lots.debit(a, 25, T);
        assertEquals(List.of(new Lot("2026-04-01T00:00:00Z", 20), new Lot("2026-05-01T00:00:00Z", 5)),
                d.taken().lots());
        assertEquals(0, d.taken().never());
        assertEquals(40, d.account().value());
        assertEquals(List.of(new Lot("2026-03-14T10:00:00Z", 30), new Lot("2026-05-01T00:00:00Z", 5)),
                d.account().lots(), "the expired lot waits for the expiry transaction");
        final Lots.Debited rest = Lots.debit(d.account(), 10, T);
        assertEquals(5, rest.taken().never());
        assertEquals(List.of(new Lot("2026-03-14T10:00:00Z", 30)), rest.account().lots());
        assertEquals(30, rest.account().value());
        assertThrows(IllegalArgumentException.class, () -> Lots.debit(rest.account(), 1, T));
    }

    @Test
    void aLotIsExpiredFromItsInstantOnNotBefore() {
        final Instant due = t("2026-04-01T00:00:00Z");
        final Account a = Lots.credit(Account.of(0), 9, due);
        assertEquals(9, Lots.spendable(a, due.minusNanos(1)));
        assertEquals(0, Lots.spendable(a, due));
        assertEquals(0, Lots.expire(a, due.minusNanos(1)).amount());
        final Lots.Expired e = Lots.expire(a, due);
        assertEquals(9, e.amount());
        assertEquals(Account.of(0), e.account());
        assertEquals(List.of(new Lot(due.toString(), 9)), e.removed());
    }

    @Test
    void anExpiryRemovesOnlyDueLotsLotByLot() {
        Account a = Lots.credit(Account.of(3), 100, t("2026-04-01T00:00:00Z"));
        a = Lots.credit(a, 50, t("2026-05-01T00:00:00Z"));
        final Lots.Expired first = Lots.expire(a, t("2026-04-15T00:00:00Z"));
        assertEquals(100, first.amount());
        assertEquals(53, first.account().value());
        final Lots.Expired second = Lots.expire(first.account(), t("2026-05-01T00:00:00Z"));
        assertEquals(50, second.amount());
        assertEquals(Account.of(3), second.account(), "what never expires stays");
    }

    @Test
    void aTransferredDebitKeepsEachPiecesExpiry() {
        Account from = Lots.credit(Account.of(4), 6, t("2026-04-01T00:00:00Z"));
        final Lots.Debited d = Lots.debit(from, 8, T);
        final Account to = Lots.credit(Lots.credit(Account.of(0), 1, t("2026-04-01T00:00:00Z")), d.taken());
        assertEquals(9, to.value());
        assertEquals(List.of(new Lot("2026-04-01T00:00:00Z", 7)), to.lots());
        assertEquals(2, to.value() - to.lots().get(0).amount(), "the never-expiring part stays never-expiring");
    }

    @Test
    void theListIsCappedByMergingTheTwoLotsClosestInExpiryIntoTheLaterOne() {
        Account a = Account.of(0);
        for (int i = 0; i < Limits.MAX_LOTS; i++) {
            a = Lots.credit(a, 1, t("2026-01-01T00:00:00Z").plusSeconds(i * 86_400L * 2));
        }
        assertEquals(Limits.MAX_LOTS, a.lots().size());
        // One day after the 10th lot: closest to it, so the 10th lot joins it (lives one day longer, never shorter).
        final Instant between = t("2026-01-01T00:00:00Z").plusSeconds(9 * 86_400L * 2 + 86_400L);
        a = Lots.credit(a, 5, between);
        assertEquals(Limits.MAX_LOTS, a.lots().size());
        assertEquals(new Lot(between.toString(), 6), a.lots().get(9));
        assertEquals(Limits.MAX_LOTS + 5, a.value());
        assertEquals(a.value(), a.lots().stream().mapToLong(Lot::amount).sum());
    }

    @Test
    void overflowIsRefusedNeverWrapped() {
        final Account full = Lots.credit(Account.of(Long.MAX_VALUE - 1), 1, t("2026-04-01T00:00:00Z"));
        final ChaincodeException e = assertThrows(ChaincodeException.class,
                () -> Lots.credit(full, 1, t("2026-04-01T00:00:00Z")));
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: "), e.getMessage());
        assertThrows(ChaincodeException.class, () -> Lots.credit(full, 1, null));
    }
}
