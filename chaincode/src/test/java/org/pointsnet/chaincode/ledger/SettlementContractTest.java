package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.testing.ValidationCode;

class SettlementContractTest {
    private final Network net = new Network();

    @Test
    void obligationsAndNetPositionsOfADay() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 1000);
        net.issue(B, "platform-a.u2", 1000);
        // A → C: 100 A points become 125 C points worth 1.00 CNY; B → A: 100 B points become 120 A worth 1.20 CNY.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\",\"userId\":\"platform-a.u1\","
                + "\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-c\",\"amount\":100}"));
        net.ok(client(B_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c2\",\"userId\":\"platform-a.u2\","
                + "\"fromPlatformId\":\"platform-b\",\"toPlatformId\":\"platform-a\",\"amount\":100}"));
        assertEquals("{\"period\":\"2025-03-14\",\"closedBy\":[],\"obligations\":["
                + "{\"debtorPlatformId\":\"platform-a\",\"creditorPlatformId\":\"platform-c\",\"currency\":\"CNY\","
                + "\"points\":125,\"value\":\"1\",\"creditorValue\":\"1\"},"
                + "{\"debtorPlatformId\":\"platform-b\",\"creditorPlatformId\":\"platform-a\",\"currency\":\"CNY\","
                + "\"points\":120,\"value\":\"1.2\",\"creditorValue\":\"1.2\"}],\"netPositions\":["
                + "{\"platformId\":\"platform-a\",\"currency\":\"CNY\",\"net\":\"0.2\"},"
                + "{\"platformId\":\"platform-b\",\"currency\":\"CNY\",\"net\":\"-1.2\"},"
                + "{\"platformId\":\"platform-c\",\"currency\":\"CNY\",\"net\":\"1\"}],\"disputes\":[],"
                + "\"conversions\":[{\"txId\":\"tx-00006\",\"debtorPlatformId\":\"platform-a\","
                + "\"creditorPlatformId\":\"platform-c\"},{\"txId\":\"tx-00007\",\"debtorPlatformId\":\"platform-b\","
                + "\"creditorPlatformId\":\"platform-a\"}],\"statement\":null,\"statementMatchesLedger\":null,"
                + "\"payments\":[]}",
                net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"2025-03-14\"}")));
        assertEquals("{\"period\":\"2025-03-13\",\"closedBy\":[],\"obligations\":[],\"netPositions\":[],\"disputes\":[],"
                + "\"conversions\":[],\"statement\":null,\"statementMatchesLedger\":null,\"payments\":[]}",
                net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"2025-03-13\"}")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"14/03\"}"));
    }

    @Test
    void aClosedPeriodTakesNoMoreObligationsEvenBackdated() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 1000);
        final String close = "{\"requestId\":\"close\",\"platformId\":\"platform-c\",\"period\":\"2025-03-14\"}";
        // Asia/Shanghai: 2025-03-14 ends at 16:00Z.
        net.fails("VALIDATION_FAILED", operator(C_MSP), ctx -> net.settlement.closePeriod(ctx, close));
        net.fails("FORBIDDEN", operator(A_MSP), ctx -> net.settlement.closePeriod(ctx, close));
        net.now = java.time.Instant.parse("2025-03-14T16:00:00Z");
        net.ok(operator(C_MSP), ctx -> net.settlement.closePeriod(ctx, close));
        net.fails("VALIDATION_FAILED", operator(C_MSP), ctx -> net.settlement.closePeriod(ctx,
                close.replace("\"close\"", "\"close2\"")));
        net.fails("VALIDATION_FAILED", operator(C_MSP), ctx -> net.settlement.closePeriod(ctx,
                close.replace("2025-03-14", "2025-02-30")));
        // A client backdates its proposal into the closed day: C's side refuses to book it.
        net.now = java.time.Instant.parse("2025-03-14T10:00:00Z");
        final String convert = "{\"requestId\":\"c1\",\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"amount\":100}";
        final String msg = net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx, convert));
        assertTrue(msg.contains("'2025-03-14'") && msg.contains("'platform-c'"), msg);
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convert.replace("platform-c", "platform-b")));
        assertTrue(net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"2025-03-14\"}"))
                .startsWith("{\"period\":\"2025-03-14\",\"closedBy\":[\"platform-c\"],"));
    }

    @Test
    void aDebtCountsOnlyWhenBothSidesBookedItIdenticallyAndTheRestAreDisputes() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 1000);
        final String c1 = net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\","
                + "\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":100}"));
        final String c2 = net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c2\","
                + "\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":200}"));
        final String before = period();
        assertTrue(before.contains("\"netPositions\":[{\"platformId\":\"platform-a\",\"currency\":\"CNY\","
                + "\"net\":\"-2.988\"},{\"platformId\":\"platform-b\",\"currency\":\"CNY\",\"net\":\"2.988\"}],"
                + "\"disputes\":[],"), before);
        final String tx1 = txId(c1);
        final String tx2 = txId(c2);

        // A alone (its own collection, so VALID) deletes its copy of c1, shrinks its copy of c2 and invents a negative
        // debt to C: what a rogue chaincode on A's peer could do.
        final String ledgerA = "ledger-" + A;
        assertEquals(ValidationCode.VALID, net.submit(client(A_MSP), Set.of(A_MSP), ctx -> {
            ctx.getStub().delPrivateData(ledgerA, Keys.obligation("2025-03-14", B, tx1));
            final String key2 = Keys.obligation("2025-03-14", B, tx2);
            ctx.getStub().putPrivateData(ledgerA, key2, new String(ctx.getStub().getPrivateData(ledgerA, key2),
                    UTF_8).replaceAll("\"value\":\"[0-9.]+\"", "\"value\":\"0.01\"").getBytes(UTF_8));
            ctx.getStub().putPrivateData(ledgerA, Keys.obligation("2025-03-14", C, "fake"), ("{\"period\":\"2025-03-14\","
                    + "\"debtorPlatformId\":\"platform-a\",\"creditorPlatformId\":\"platform-c\",\"points\":-500,"
                    + "\"value\":\"-5\",\"currency\":\"CNY\",\"txId\":\"fake\"}").getBytes(UTF_8));
            // A copy in A's collection of a debt between B and C: A is no party, so it is ignored.
            ctx.getStub().putPrivateData(ledgerA, Keys.obligation("2025-03-14", C, "other"), ("{\"period\":\"2025-03-14\","
                    + "\"debtorPlatformId\":\"platform-b\",\"creditorPlatformId\":\"platform-c\",\"points\":9,"
                    + "\"value\":\"9\",\"currency\":\"CNY\",\"txId\":\"other\"}").getBytes(UTF_8));
            return "";
        }).code());

        final String after = period();
        assertTrue(after.contains("\"obligations\":[],\"netPositions\":[]"), after);
        assertTrue(after.contains("{\"txId\":\"" + tx1 + "\",\"debtorPlatformId\":\"platform-a\","
                + "\"creditorPlatformId\":\"platform-b\",\"reason\":\"MISSING_DEBTOR_COPY\",\"debtorCopy\":null,"), after);
        assertTrue(after.contains("{\"txId\":\"" + tx2 + "\",\"debtorPlatformId\":\"platform-a\","
                + "\"creditorPlatformId\":\"platform-b\",\"reason\":\"COPIES_DIFFER\""), after);
        assertTrue(after.contains("{\"txId\":\"fake\",\"debtorPlatformId\":\"platform-a\","
                + "\"creditorPlatformId\":\"platform-c\",\"reason\":\"MISSING_CREDITOR_COPY\""), after);
        assertTrue(!after.contains("\"other\""), after);
    }

    private String period() {
        return net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"2025-03-14\"}"));
    }

    private static String txId(final String receipt) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"txId\":\"([^\"]+)\"").matcher(receipt);
        assertTrue(m.find(), receipt);
        return m.group(1);
    }
}
