package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.operator;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

class ReversalContractTest {
    private static final String U = "platform-a.u1";
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
    }

    private void window(final String platformId, final String msp, final long seconds) {
        net.ok(operator(msp), ctx -> net.reversals.setWindow(ctx, "{\"requestId\":\"w-" + seconds + "\",\"platformId\":\""
                + platformId + "\",\"windowSeconds\":" + seconds + "}"));
    }

    private static String reverse(final String requestId, final String platformId, final String original,
            final String type) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"" + platformId + "\",\"originalRequestId\":\""
                + original + "\",\"originalType\":\"" + type + "\",\"reason\":\"wrong\"}";
    }

    private static String requestIdOf(final String receipt) {
        return StoredJson.tree(receipt.getBytes(UTF_8)).get("requestId").stringValue();
    }

    private String supply() {
        return net.query(ctx -> net.accounts.auditSupply(ctx, "{}"));
    }

    @Test
    void anIssuanceIsReversedOnceByItsPlatformsOperatorWithinTheWindow() {
        final String issued = requestIdOf(net.issue(A, U, 500));
        net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued,
                "ISSUE"))); // no window set: the platform does not reverse
        window(A, A_MSP, 3600);
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued, "ISSUE")));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued, "ISSUE")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued,
                "BURN")));
        final String receipt = net.ok(operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued,
                "ISSUE")));
        final JsonNode reversal = StoredJson.tree(receipt.getBytes(UTF_8));
        assertEquals("REVERSE", reversal.get("type").stringValue());
        assertEquals("[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":-500}]",
                reversal.get("postings").toString());
        assertEquals(issued, reversal.get("detail").get("originalRequestId").stringValue());
        assertEquals("ISSUE", reversal.get("detail").get("originalType").stringValue());
        assertEquals(0, net.balance(A, U));
        assertTrue(supply().contains("{\"platformId\":\"platform-a\",\"supply\":0,\"balances\":0}"), supply());

        // A second reversal, and a reversal of the reversal, are refused.
        net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r2", A, issued,
                "ISSUE")));
        final String msg = net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx,
                reverse("r3", A, "r1", "ISSUE")));
        assertTrue(msg.contains("a reversal is not reversed"), msg);
    }

    @Test
    void aReversalFailsClearlyWhenTheUserNoLongerHoldsThePointsOrTheWindowHasPassed() {
        window(A, A_MSP, 60);
        final String issued = requestIdOf(net.issue(A, U, 500));
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx, "{\"requestId\":\"spend\",\"platformId\":\"platform-a\","
                + "\"userId\":\"" + U + "\",\"amount\":200}"));
        net.fails("INSUFFICIENT_BALANCE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r1", A, issued,
                "ISSUE")));
        final String burned = "spend";
        net.now = net.now.plusSeconds(120);
        net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r2", A, burned,
                "BURN")));
        window(A, A_MSP, 3600);
        net.ok(operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r2", A, burned, "BURN")));
        assertEquals(500, net.balance(A, U));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.reversals.setWindow(ctx,
                "{\"requestId\":\"w-big\",\"platformId\":\"platform-a\",\"windowSeconds\":99999999999}"));
        net.fails("NOT_FOUND", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("r4", A, "nope", "ISSUE")));
    }

    @Test
    void aConversionIsReversedOnlyWithBothEndorsementsAndRestoresBalancesSupplyFeeAndObligations() {
        window(A, A_MSP, 3600);
        net.ok(operator(C_MSP), ctx -> net.conversions.setFeeRule(ctx, "{\"requestId\":\"fee\",\"platformId\":"
                + "\"platform-c\",\"basisPoints\":100,\"minFee\":1,\"maxFee\":50}"));
        net.issue(A, U, 10_000);
        final String supplyBefore = supply();
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\",\"userId\":\"" + U + "\","
                + "\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-c\",\"amount\":1000}"));
        assertEquals(1237, net.balance(C, U));

        // The destination has no window: its genuine code refuses (it has not agreed to reversals).
        net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("rc", A, "c1",
                "CONVERT")));
        window(C, C_MSP, 3600);
        // Endorsed by A alone (or A with B), validation refuses: C's collection is written.
        final Network.Result onlyA = net.submit(operator(A_MSP), Set.of(A_MSP, B_MSP),
                ctx -> net.reversals.reverse(ctx, reverse("rc", A, "c1", "CONVERT")));
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, onlyA.code());
        assertEquals(1237, net.balance(C, U));

        final Network.Result both = net.submit(operator(A_MSP), Set.of(A_MSP, C_MSP),
                ctx -> net.reversals.reverse(ctx, reverse("rc", A, "c1", "CONVERT")));
        assertEquals(ValidationCode.VALID, both.code());
        assertEquals(10_000, net.balance(A, U));
        assertEquals(0, net.balance(C, U));
        assertEquals(supplyBefore, supply());
        final JsonNode receipt = StoredJson.tree(Network.eventPayload(both.tx()).getBytes(UTF_8));
        assertEquals("[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":1000},{\"platformId\":"
                + "\"platform-c\",\"userId\":\"platform-a.u1\",\"delta\":-1237},{\"platformId\":\"platform-c\","
                + "\"userId\":\"fee\",\"delta\":-13}]", receipt.get("postings").toString());
        assertEquals(-1237, receipt.get("detail").get("obligation").get("points").longValue());
        assertEquals("-9.896", receipt.get("detail").get("obligation").get("value").stringValue());
        // The fee credit is gone, and the period nets to nothing between A and C.
        assertEquals("[]", net.query(ctx -> net.accounts.getFeeCredits(ctx, "{\"platformId\":\"platform-c\"}")));
        final String period = net.query(ctx -> net.settlement.getPeriod(ctx, "{\"period\":\"2025-03-14\"}"));
        assertTrue(period.contains("\"points\":0,\"value\":\"0\"") && period.contains("\"disputes\":[]"), period);
        net.fails("NOT_REVERSIBLE", operator(A_MSP), ctx -> net.reversals.reverse(ctx, reverse("rc2", A, "c1",
                "CONVERT")));
    }
}
