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
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.model.Confirmation;
import org.pointsnet.chaincode.ledger.model.Settlement;
import org.pointsnet.chaincode.ledger.model.Statement;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.testing.ValidationCode;

class SettlementStatementTest {
    private static final String DAY = "2025-03-14";
    private final Network net = new Network();

    /** A→C 100, B→A 100, A→B 50 on 2025-03-14 (Asia/Shanghai everywhere); returns the period's report. */
    private String convertAll() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 1000);
        net.issue(B, "platform-a.u2", 1000);
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convert("c1", A, C, 100)));
        net.ok(client(B_MSP), ctx -> net.conversions.convert(ctx, convert("c2", B, A, 100)));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convert("c3", A, B, 50)));
        return period();
    }

    private static String convert(final String id, final String from, final String to, final long amount) {
        final String user = from.equals(B) ? "platform-a.u2" : "platform-a.u1";
        return "{\"requestId\":\"" + id + "\",\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + from
                + "\",\"toPlatformId\":\"" + to + "\",\"amount\":" + amount + "}";
    }

    private void closeAll() {
        net.now = Instant.parse("2025-03-14T16:00:00Z");
        for (final String msp : List.of(A_MSP, B_MSP, C_MSP)) {
            final String p = platform(msp);
            net.ok(operator(msp), ctx -> net.settlement.closePeriod(ctx, "{\"requestId\":\"close-" + p
                    + "\",\"platformId\":\"" + p + "\",\"period\":\"" + DAY + "\"}"));
        }
    }

    private static String platform(final String msp) {
        return msp.equals(A_MSP) ? A : msp.equals(B_MSP) ? B : C;
    }

    private String period() {
        return net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"" + DAY + "\"}"));
    }

    /** The "conversions" array of a report, as StoreStatement takes it. */
    private static String conversions(final String report) {
        final Matcher m = Pattern.compile("\"conversions\":(\\[[^\\]]*\\])").matcher(report);
        assertTrue(m.find(), report);
        return m.group(1);
    }

    private String store(final String requestId, final String msp, final String conversions) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"" + platform(msp) + "\",\"period\":\"" + DAY
                + "\",\"conversions\":" + conversions + "}";
    }

    private static String confirm(final String requestId, final String me, final String other, final String amount) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"" + me + "\",\"period\":\"" + DAY
                + "\",\"counterpartyPlatformId\":\"" + other + "\",\"currency\":\"CNY\",\"amount\":\"" + amount + "\"}";
    }

    @Test
    void theStoredStatementHoldsGrossObligationsNetPositionsSummingToZeroAndPayments() {
        final String live = convertAll();
        final String list = conversions(live);
        // Before every party closed: refused, naming the one that has not.
        final String early = net.fails("VALIDATION_FAILED", operator(B_MSP),
                ctx -> net.settlement.storeStatement(ctx, store("s0", B_MSP, list)));
        assertTrue(early.contains("has not closed period '2025-03-14'"), early);
        closeAll();
        net.ok(operator(B_MSP), ctx -> net.settlement.storeStatement(ctx, store("s1", B_MSP, list)));

        final String report = period();
        assertTrue(report.contains("\"statementMatchesLedger\":true"), report);
        assertTrue(report.contains("\"storedBy\":\"platform-b\",\"version\":3,"), report);
        // Gross: A→B 50 A points (0.5 × 1.2 = 0.6 CNY... as the creditor values them), A→C, B→A.
        assertTrue(report.contains("\"statement\":{\"period\":\"2025-03-14\",\"storedBy\":\"platform-b\",\"version\":3,"
                + "\"obligations\":[{\"debtorPlatformId\":\"platform-a\",\"creditorPlatformId\":\"platform-b\""), report);
        final Matcher nets = Pattern.compile("\"net\":\"(-?[0-9.]+)\"").matcher(report.substring(
                report.indexOf("\"statement\":")));
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        while (nets.find() && count < 3) {
            sum = sum.add(new BigDecimal(nets.group(1)));
            count++;
        }
        assertEquals(3, count, report);
        assertEquals(0, sum.signum(), report);
        assertTrue(report.contains("\"payments\":[{\"payerPlatformId\":"), report);
        assertTrue(report.contains("\"status\":\"OPEN\",\"paidAmount\":null,\"receivedAmount\":null"), report);

        // The same statement again: nothing more covered, refused.
        final String again = net.fails("VALIDATION_FAILED", operator(C_MSP),
                ctx -> net.settlement.storeStatement(ctx, store("s2", C_MSP, list)));
        assertTrue(again.contains("already has a statement covering 3 conversions"), again);
    }

    @Test
    void aStatementListingAConversionNotBookedIdenticallyIsRefused() {
        final String live = convertAll();
        closeAll();
        final String list = conversions(live);
        final String fake = list.replaceFirst("\"txId\":\"[^\"]+\"", "\"txId\":\"invented\"");
        final String msg = net.fails("VALIDATION_FAILED", operator(A_MSP),
                ctx -> net.settlement.storeStatement(ctx, store("s1", A_MSP, fake)));
        assertTrue(msg.contains("'invented'") && msg.contains("not booked identically"), msg);
        final String twice = list.replace("]", "," + list.substring(1));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.settlement.storeStatement(ctx,
                store("s2", A_MSP, twice)));
        // Only an operator stores it.
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.settlement.storeStatement(ctx, store("s3", A_MSP, list)));
    }

    @Test
    void aStatementThatLeftAConversionOutIsFlaggedAndCanOnlyBeCompleted() {
        final String live = convertAll();
        closeAll();
        final String list = conversions(live);
        final String partial = list.substring(0, list.indexOf("},{") + 1) + "]";
        net.ok(operator(A_MSP), ctx -> net.settlement.storeStatement(ctx, store("s1", A_MSP, partial)));
        assertTrue(period().contains("\"statementMatchesLedger\":false"), period());
        net.ok(operator(C_MSP), ctx -> net.settlement.storeStatement(ctx, store("s2", C_MSP, list)));
        assertTrue(period().contains("\"statementMatchesLedger\":true"), period());
        assertTrue(period().contains("\"storedBy\":\"platform-c\",\"version\":3,"), period());
    }

    @Test
    void payerAndPayeeConfirmEachOnlyTheirOwnSideAndDifferingAmountsAreDisputed() {
        final String live = convertAll();
        closeAll();
        net.ok(operator(A_MSP), ctx -> net.settlement.storeStatement(ctx, store("s1", A_MSP, conversions(live))));
        // Net: A -1 + 1.2 - 0.6·... whatever the amounts, read the payments back from the report.
        final Matcher pay = Pattern.compile("\\{\"payerPlatformId\":\"([a-z-]+)\",\"payeePlatformId\":\"([a-z-]+)\","
                + "\"currency\":\"CNY\",\"amount\":\"([0-9.]+)\",\"status\"").matcher(period());
        assertTrue(pay.find(), period());
        final String payer = pay.group(1);
        final String payee = pay.group(2);
        final String amount = pay.group(3);
        final boolean second = pay.find();
        assertTrue(second, "two payments expected: " + period());
        final String payer2 = pay.group(1);
        final String payee2 = pay.group(2);
        final String amount2 = pay.group(3);

        // Confirming needs the own platform's operator; another org cannot confirm for it.
        net.fails("FORBIDDEN", operator(Network.msp(payer)), ctx -> net.settlement.confirm(ctx,
                confirm("x1", payee, payer, amount)));
        net.fails("FORBIDDEN", client(Network.msp(payer)), ctx -> net.settlement.confirm(ctx,
                confirm("x2", payer, payee, amount)));
        // A platform with no payment to that counterparty: NOT_FOUND.
        final String third = Set.of(A, B, C).stream().filter(p -> !p.equals(payer) && !p.equals(payee)).findFirst()
                .orElseThrow();
        if (!(payer2.equals(third) && payee2.equals(payee) || payee2.equals(third) && payer2.equals(payee))) {
            net.fails("NOT_FOUND", operator(Network.msp(payee)), ctx -> net.settlement.confirm(ctx,
                    confirm("x3", payee, third, "1")));
        }

        net.ok(operator(Network.msp(payer)), ctx -> net.settlement.confirm(ctx, confirm("p1", payer, payee, amount)));
        assertTrue(period().contains("\"amount\":\"" + amount + "\",\"status\":\"OPEN\",\"paidAmount\":\"" + amount
                + "\",\"receivedAmount\":null"), period());
        net.ok(operator(Network.msp(payee)), ctx -> net.settlement.confirm(ctx, confirm("p2", payee, payer, amount)));
        assertTrue(period().contains("\"amount\":\"" + amount + "\",\"status\":\"CONFIRMED\",\"paidAmount\":\""
                + amount + "\",\"receivedAmount\":\"" + amount + "\""), period());
        // Once per side.
        net.fails("VALIDATION_FAILED", operator(Network.msp(payee)), ctx -> net.settlement.confirm(ctx,
                confirm("p3", payee, payer, amount)));

        // The second payment: the payee says it received less.
        net.ok(operator(Network.msp(payer2)), ctx -> net.settlement.confirm(ctx, confirm("q1", payer2, payee2,
                amount2)));
        net.ok(operator(Network.msp(payee2)), ctx -> net.settlement.confirm(ctx, confirm("q2", payee2, payer2,
                "0.01")));
        assertTrue(period().contains("\"amount\":\"" + amount2 + "\",\"status\":\"DISPUTED\",\"paidAmount\":\""
                + amount2 + "\",\"receivedAmount\":\"0.01\""), period());
    }

    @Test
    void aConfirmationWrittenIntoAnotherPlatformsCollectionIsInvalid() {
        final String live = convertAll();
        closeAll();
        net.ok(operator(A_MSP), ctx -> net.settlement.storeStatement(ctx, store("s1", A_MSP, conversions(live))));
        // A's rogue code writes B's confirmation into ledger-B, endorsed by A's peer only: the collection policy fails.
        final Confirmation forged = new Confirmation(DAY, B, A, Confirmation.PAYEE, "CNY", "999", 3);
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(A_MSP), Set.of(A_MSP), ctx -> {
            ctx.getStub().putPrivateData("ledger-" + B, Keys.confirmation(DAY, A, "CNY"),
                    org.pointsnet.chaincode.support.Json.write(forged).getBytes(UTF_8));
            return "";
        }).code());
        assertTrue(!period().contains("\"999\""), period());
    }

    @Test
    void paymentsSettleTheNetPositionsExactly() {
        final List<Settlement.NetPosition> positions = List.of(
                new Settlement.NetPosition("p-a", "CNY", "-3.5"), new Settlement.NetPosition("p-b", "CNY", "-1"),
                new Settlement.NetPosition("p-c", "CNY", "2"), new Settlement.NetPosition("p-d", "CNY", "2.5"),
                new Settlement.NetPosition("p-e", "USD", "0"));
        assertEquals(List.of(new Statement.Payment("p-a", "p-c", "CNY", "2"),
                new Statement.Payment("p-a", "p-d", "CNY", "1.5"),
                new Statement.Payment("p-b", "p-d", "CNY", "1")), Statements.payments(positions));
    }

    @Test
    void aPaymentIsConfirmedOnlyWhenBothSidesRecordTheAmountDue() {
        final Statement.Payment due = new Statement.Payment("p-a", "p-b", "CNY", "1.5");
        final Confirmation paid = new Confirmation(DAY, "p-a", "p-b", Confirmation.PAYER, "CNY", "1.50", 1);
        final Confirmation received = new Confirmation(DAY, "p-b", "p-a", Confirmation.PAYEE, "CNY", "1.5", 1);
        final Confirmation less = new Confirmation(DAY, "p-b", "p-a", Confirmation.PAYEE, "CNY", "1", 1);
        final Confirmation bothLess = new Confirmation(DAY, "p-a", "p-b", Confirmation.PAYER, "CNY", "1", 1);
        assertEquals("OPEN", Statements.status(due, null, null).status());
        assertEquals("OPEN", Statements.status(due, paid, null).status());
        assertEquals("CONFIRMED", Statements.status(due, paid, received).status());
        assertEquals("DISPUTED", Statements.status(due, paid, less).status());
        assertEquals("DISPUTED", Statements.status(due, bothLess, less).status());
    }
}
