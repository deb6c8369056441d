package org.pointsnet.chaincode.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.testing.ValidationCode;

class AccountContractTest {
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
    }

    private static String issueReq(final String requestId, final String userId, final long amount) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"platform-a\",\"userId\":\"" + userId
                + "\",\"amount\":" + amount + ",\"reason\":\"earn\"}";
    }

    @Test
    void issueCreditsAndEmitsExactlyOneReceiptWithThePosting() {
        final Network.Result r = net.submit(client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 250)));

        assertEquals(ValidationCode.VALID, r.code());
        assertEquals(250, net.balance(A, "platform-a.u1"));
        final String expected = "{\"type\":\"ISSUE\",\"requestId\":\"i1\",\"requestHash\":\"" + hash(r.value())
                + "\",\"txId\":\"" + r.tx().getTxId() + "\",\"timestamp\":\"" + r.tx().getTxTimestamp()
                + "\",\"platformId\":\"platform-a\",\"postings\":[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\","
                + "\"delta\":250}],\"detail\":{\"userId\":\"platform-a.u1\",\"amount\":250,\"reason\":\"earn\"}}";
        assertEquals(expected, r.value());
        assertEquals(List.of("Receipt"), Network.names(r.tx()));
        assertEquals(expected, Network.eventPayload(r.tx()));
        // Only A's collection is written: A alone may endorse.
        assertEquals(Set.of("ledger-platform-a"), r.tx().privateWrites().keySet());
        assertTrue(r.tx().publicWrites().isEmpty());
    }

    @Test
    void otherOrgsCannotChangeAsAccountsEvenTogether() {
        // The contract refuses B's client...
        final String msg = net.fails("FORBIDDEN", client(B_MSP), ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1",
                5)));
        assertTrue(msg.contains("PlatformBMSP") && msg.contains("platform-a"), msg);
        net.fails("FORBIDDEN", client(B_MSP), ctx -> net.accounts.burn(ctx, issueReq("b1", "platform-a.u1", 5)));
        // ... and a transaction A's client made is invalid when only B and C (a majority) endorse it.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(B_MSP, C_MSP),
                ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 5))).code());
        assertEquals(0, net.balance(A, "platform-a.u1"));
    }

    @Test
    void sameRequestIdTwiceHasOneEffectAndTheSameReceiptBytes() {
        final Network.Result first = net.submit(client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 7)));
        final Network.Result second = net.submit(client(A_MSP), ctx -> net.accounts.issue(ctx,
                issueReq("i1", "platform-a.u1", 7).replace("{\"requestId\":\"i1\",", "{\"requestId\":\"i1\" , ")));

        assertEquals(first.value(), second.value());
        assertEquals(7, net.balance(A, "platform-a.u1"));
        assertTrue(second.tx().event().isEmpty(), "a replay emits nothing");
        assertTrue(second.tx().privateWrites().isEmpty());
        assertEquals(ValidationCode.VALID, second.code());

        final String msg = net.fails("IDEMPOTENCY_KEY_REUSED", client(A_MSP), ctx -> net.accounts.issue(ctx,
                issueReq("i1", "platform-a.u1", 8)));
        assertTrue(msg.contains("'i1'") && msg.contains("platform-a"), msg);
        // A burn is a different request even with the same fields.
        net.fails("IDEMPOTENCY_KEY_REUSED", client(A_MSP), ctx -> net.accounts.burn(ctx, issueReq("i1", "platform-a.u1", 7)));
    }

    @Test
    void aReplayWritesNothingSoItNeedsTheChaincodePolicy() {
        net.submit(client(A_MSP), Set.of(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 7)));
        // No collection is written, so no collection policy applies: MAJORITY does (Fabric Gateway plans for it).
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(A_MSP),
                ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 7))).code());
        assertEquals(ValidationCode.VALID, net.submit(client(A_MSP), Set.of(A_MSP, B_MSP),
                ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 7))).code());
        assertEquals(7, net.balance(A, "platform-a.u1"));
    }

    @Test
    void concurrentDuplicatesCommitOnce() {
        final var t1 = net.begin(client(A_MSP));
        net.accounts.issue(t1.context(), issueReq("dup", "platform-a.u1", 3));
        final var t2 = net.begin(client(A_MSP));
        net.accounts.issue(t2.context(), issueReq("dup", "platform-a.u1", 3));
        assertEquals(List.of(ValidationCode.VALID, ValidationCode.MVCC_READ_CONFLICT), net.ledger.commitBlock(List.of(
                new org.pointsnet.chaincode.testing.Endorsed(t1, Set.of(A_MSP)),
                new org.pointsnet.chaincode.testing.Endorsed(t2, Set.of(A_MSP)))));
        assertEquals(3, net.balance(A, "platform-a.u1"));
    }

    @Test
    void burnAndTransferNeverOverdraw() {
        net.issue(A, "platform-a.u1", 100);
        final String msg = net.fails("INSUFFICIENT_BALANCE", client(A_MSP), ctx -> net.accounts.burn(ctx,
                issueReq("b1", "platform-a.u1", 101)));
        assertEquals("INSUFFICIENT_BALANCE: user 'platform-a.u1' has 100 on platform 'platform-a', needs 101", msg);
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx, issueReq("b2", "platform-a.u1", 40)));
        final String t = net.ok(client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t1\","
                + "\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\",\"amount\":60}"));
        assertTrue(t.contains("\"postings\":[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":-60},"
                + "{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u2\",\"delta\":60}]"), t);
        assertEquals(0, net.balance(A, "platform-a.u1"));
        assertEquals(60, net.balance(A, "platform-a.u2"));
        net.fails("INSUFFICIENT_BALANCE", client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t2\","
                + "\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\",\"amount\":1}"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t3\","
                + "\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u2\",\"toUserId\":\"platform-a.u2\",\"amount\":1}"));
    }

    @Test
    void amountsAreValidatedAndOverflowIsRefused() {
        for (final String amount : List.of("0", "-1", "1000000000000001", "1.5", "\"5\"", "9223372036854775808")) {
            net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx,
                    issueReq("x", "platform-a.u1", 1).replace("\"amount\":1", "\"amount\":" + amount)));
        }
        for (int i = 0; i < 9; i++) {
            net.issue(A, "platform-a.rich", Amounts.MAX_AMOUNT);
        }
        net.issue(A, "platform-a.rich", Amounts.MAX_AMOUNT); // 10^16: still far from Long.MAX_VALUE
        assertEquals(10 * Amounts.MAX_AMOUNT, net.balance(A, "platform-a.rich"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx,
                issueReq("x", "platform-a.u1", 1).replace("\"platformId\":\"platform-a\",", "")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx,
                issueReq("x", "platform-a.u1", 1).replace("\"reason\"", "\"note\"")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("", "platform-a.u1", 1)));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("x", "u 1", 1)));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.issue(ctx,
                issueReq("x", "platform-a.u1", 1).replace("platform-a", "platform-z")));
    }

    @Test
    void balancesAcrossPlatformsWithTotalValue() {
        net.issue(A, "platform-a.u1", 1000); // 1000 × 0.01 × 1.0 = 10 CNY
        net.issue(B, "platform-a.u1", 500); // 500 × 0.01 × 1.2 = 6 CNY
        assertEquals("{\"userId\":\"platform-a.u1\",\"balances\":[{\"platformId\":\"platform-a\",\"balance\":1000,\"value\":\"10\","
                + "\"currency\":\"CNY\"},{\"platformId\":\"platform-b\",\"balance\":500,\"value\":\"6\",\"currency\":"
                + "\"CNY\"}],\"totalValue\":\"16\",\"currency\":\"CNY\"}",
                net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"platform-a.u1\"}")));
        assertEquals("{\"userId\":\"platform-a.nobody\",\"balances\":[],\"totalValue\":\"0\",\"currency\":\"CNY\"}",
                net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"platform-a.nobody\"}")));
        // One platform's view: only its balance, and the total of that balance alone.
        assertEquals("{\"userId\":\"platform-a.u1\",\"balances\":[{\"platformId\":\"platform-b\",\"balance\":500,\"value\":\"6\","
                + "\"currency\":\"CNY\"}],\"totalValue\":\"6\",\"currency\":\"CNY\"}",
                net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-b\"}")));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.getBalances(ctx,
                "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-z\"}"));
    }

    @Test
    void historyOfOnePlatformHoldsOnlyItsEntries() {
        net.issue(A, "platform-a.u1", 1);
        net.issue(B, "platform-a.u1", 2);
        net.issue(A, "platform-a.u1", 3);
        final var page = org.pointsnet.chaincode.ledger.state.StoredJson.tree(net.query(ctx -> net.accounts.getHistory(
                ctx, "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-a\"}")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        final List<Long> amounts = new java.util.ArrayList<>();
        page.get("receipts").values().forEach(r -> amounts.add(r.get("detail").get("amount").longValue()));
        assertEquals(List.of(3L, 1L), amounts);
    }

    @Test
    void historyIsNewestFirstAndPagedWithoutGapsOrRepeats() {
        for (int i = 1; i <= 5; i++) {
            net.issue(i % 2 == 0 ? B : A, "platform-a.u1", i);
        }
        net.issue(A, "platform-a.u2", 99);
        final List<Long> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            final String req = "{\"userId\":\"platform-a.u1\",\"limit\":2" + (cursor == null ? "" : ",\"cursor\":\"" + cursor
                    + "\"") + "}";
            final var page = org.pointsnet.chaincode.ledger.state.StoredJson.tree(
                    net.query(ctx -> net.accounts.getHistory(ctx, req)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            page.get("receipts").values().forEach(r -> seen.add(r.get("detail").get("amount").longValue()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").stringValue() : null;
            pages++;
        } while (cursor != null);
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), seen);
        assertEquals(3, pages);
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.getHistory(ctx,
                "{\"userId\":\"platform-a.u1\",\"cursor\":\"!!\"}"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.getHistory(ctx,
                "{\"userId\":\"platform-a.u1\",\"limit\":201}"));
    }

    @Test
    void supplyIsTheSumOfDeltasAndMatchesBalances() {
        net.issue(A, "platform-a.u1", 100);
        net.issue(A, "platform-a.u2", 50);
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx, issueReq("b1", "platform-a.u1", 30)));
        net.ok(client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t1\",\"platformId\":\"platform-a\","
                + "\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\",\"amount\":10}"));
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":120,\"balances\":120}]",
                net.query(ctx -> net.accounts.auditSupply(ctx, "{\"platformId\":\"platform-a\"}")));
        assertNotEquals("", net.query(ctx -> net.accounts.auditSupply(ctx, "{}")));
    }

    @Test
    void getSupplyAnswersTheSupplyAloneWhatReconciliationReads() {
        net.issue(A, "platform-a.u1", 100);
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx, issueReq("b1", "platform-a.u1", 30)));
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":70}]",
                net.query(ctx -> net.accounts.getSupply(ctx, "{\"platformId\":\"platform-a\"}")));
        assertEquals(net.query(ctx -> net.accounts.auditSupply(ctx, "{}")).replaceAll(",\"balances\":-?\\d+", ""),
                net.query(ctx -> net.accounts.getSupply(ctx, "{}")));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.getSupply(ctx, "{\"platformId\":\"platform-z\"}"));
    }

    @Test
    void adminIdentityMayAlsoOperate() {
        net.ok(Network.admin(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.u1", 1)));
        assertEquals(1, net.balance(A, "platform-a.u1"));
    }

    private static String hash(final String receipt) {
        final int i = receipt.indexOf("\"requestHash\":\"") + 15;
        return receipt.substring(i, i + 64);
    }
}
