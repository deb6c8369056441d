package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.operator;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

class ExpiryContractTest {
    private static final String U = "platform-a.u1";
    private static final String V = "platform-a.u2";
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
    }

    private void rule(final String platformId, final String msp, final String requestId, final long seconds) {
        net.ok(operator(msp), ctx -> net.expiry.setRule(ctx, "{\"requestId\":\"" + requestId + "\",\"platformId\":\""
                + platformId + "\",\"periodSeconds\":" + seconds + "}"));
    }

    private static String expire(final String requestId, final String platformId, final String users) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"" + platformId + "\",\"userIds\":[" + users
                + "]}";
    }

    private static JsonNode tree(final String json) {
        return StoredJson.tree(json.getBytes(UTF_8));
    }

    private JsonNode lots(final String userId) {
        return tree(net.query(ctx -> net.expiry.getLots(ctx, "{\"userId\":\"" + userId + "\"}")));
    }

    /** Supply from the blind deltas equals the sum of balances, for every platform. */
    private void supplyEqualsBalances() {
        for (final JsonNode s : tree(net.query(ctx -> net.accounts.auditSupply(ctx, "{}"))).values()) {
            assertEquals(s.get("supply").longValue(), s.get("balances").longValue(), s.toString());
        }
    }

    @Test
    void pointsIssuedInTwoLotsExpireLotByLotAndSpendingTakesTheOldestFirst() {
        rule(A, A_MSP, "e1", 100);
        net.issue(A, U, 100); // lot 1: expires 100 s after its issue
        net.now = net.now.plusSeconds(30);
        net.issue(A, U, 50); // lot 2: 30 s later
        JsonNode view = lots(U).get("platforms").get(0);
        assertEquals(150, view.get("spendable").longValue());
        assertEquals(2, view.get("lots").size());
        final String first = view.get("lots").get(0).get("expiresAt").stringValue();
        final String second = view.get("lots").get(1).get("expiresAt").stringValue();

        // Spending 30 takes them from the first lot.
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx, "{\"requestId\":\"b1\",\"platformId\":\"platform-a\","
                + "\"userId\":\"" + U + "\",\"amount\":30}"));
        view = lots(U).get("platforms").get(0);
        assertEquals("[{\"expiresAt\":\"" + first + "\",\"amount\":70,\"expired\":false},{\"expiresAt\":\"" + second
                + "\",\"amount\":50,\"expired\":false}]", view.get("lots").toString());
        supplyEqualsBalances();

        // Nothing is due yet: an expiry now is refused and writes nothing.
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x0", A, "\"" + U
                + "\"")));

        // At the first lot's instant it is expired: not spendable, and the operator's expiry removes it alone.
        net.now = java.time.Instant.parse(first).minusSeconds(1);
        final String due = net.query(ctx -> net.expiry.getDue(ctx, "{\"platformId\":\"platform-a\"}"));
        assertTrue(due.contains("\"users\":[{\"userId\":\"" + U + "\",\"amount\":70}]"), due);
        net.fails("INSUFFICIENT_BALANCE", client(A_MSP), ctx -> net.accounts.burn(ctx, "{\"requestId\":\"b2\","
                + "\"platformId\":\"platform-a\",\"userId\":\"" + U + "\",\"amount\":51}"));
        final String receipt = net.ok(operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A, "\"" + U
                + "\",\"" + V + "\"")));
        final JsonNode r = tree(receipt);
        assertEquals("EXPIRE", r.get("type").stringValue());
        assertEquals("[{\"platformId\":\"platform-a\",\"userId\":\"" + U + "\",\"delta\":-70}]",
                r.get("postings").toString());
        assertEquals("{\"expired\":[{\"userId\":\"" + U + "\",\"amount\":70,\"lots\":1,\"lastExpiresAt\":\"" + first
                + "\"}],\"skipped\":1}", r.get("detail").toString());
        assertEquals(50, net.balance(A, U));
        supplyEqualsBalances();
        // The receipt is in the user's history, like any posting.
        assertTrue(net.query(ctx -> net.accounts.getHistory(ctx, "{\"userId\":\"" + U + "\"}"))
                .contains("\"type\":\"EXPIRE\""));

        // Then the second lot.
        net.now = java.time.Instant.parse(second).minusSeconds(1);
        final JsonNode r2 = tree(net.ok(operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x2", A, "\"" + U
                + "\""))));
        assertEquals(-50, r2.get("postings").get(0).get("delta").longValue());
        assertEquals(0, net.balance(A, U));
        assertEquals("[]", lots(U).get("platforms").get(0).get("lots").toString());
        supplyEqualsBalances();
        // A repeat of the same request returns its receipt and writes nothing.
        assertEquals(r2.toString(), tree(net.ok(operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x2", A,
                "\"" + U + "\"")))).toString());
    }

    @Test
    void onlyThePlatformsOwnOperatorSetsTheRuleAndExpiresItsUsers() {
        rule(A, A_MSP, "e1", 10);
        net.issue(A, U, 5);
        net.now = net.now.plusSeconds(20);
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.expiry.setRule(ctx, "{\"requestId\":\"e2\","
                + "\"platformId\":\"platform-a\",\"periodSeconds\":0}"));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.expiry.setRule(ctx, "{\"requestId\":\"e2\","
                + "\"platformId\":\"platform-a\",\"periodSeconds\":0}"));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A, "\"" + U + "\"")));
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A, "\"" + U + "\"")));
        // B expiring its own platform touches only B's collection: A's user keeps A's points.
        net.fails("VALIDATION_FAILED", operator(B_MSP), ctx -> net.expiry.expire(ctx, expire("x1", B, "\"" + U
                + "\"")));
        // Even A's genuine expiry endorsed by B and C alone is invalid: A's collection needs A's peer.
        final Network.Result rogue = net.submit(operator(A_MSP), Set.of(B_MSP, Network.C_MSP),
                ctx -> net.expiry.expire(ctx, expire("x1", A, "\"" + U + "\"")));
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, rogue.code());
        assertEquals(5, net.balance(A, U));
        supplyEqualsBalances();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        for (final String period : new String[] {"-1", "316224001", "\"60\"", "1.5"}) {
            net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.setRule(ctx, "{\"requestId\":\"e1\","
                    + "\"platformId\":\"platform-a\",\"periodSeconds\":" + period + "}"));
        }
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A, "")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A, "\"" + U
                + "\",\"" + U + "\"")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A,
                "\"not a user\"")));
        final StringBuilder many = new StringBuilder("\"platform-a.m0\"");
        for (int i = 1; i <= 100; i++) {
            many.append(",\"platform-a.m").append(i).append('"');
        }
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.expiry.expire(ctx, expire("x1", A,
                many.toString())));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.expiry.getDue(ctx, "{\"platformId\":"
                + "\"platform-a\",\"limit\":0}"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.expiry.getDue(ctx, "{\"platformId\":"
                + "\"platform-a\",\"dueBy\":\"tomorrow\"}"));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.expiry.getLots(ctx, "{\"userId\":\"" + U
                + "\",\"platformId\":\"platform-x\"}"));
    }

    @Test
    void aTransferKeepsTheLotsExpiryAndAConversionInTakesTheDestinationsRule() {
        rule(A, A_MSP, "e1", 100);
        net.issue(A, U, 40);
        net.registerUser(V);
        net.now = net.now.plusSeconds(50);
        net.ok(client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t1\",\"platformId\":"
                + "\"platform-a\",\"fromUserId\":\"" + U + "\",\"toUserId\":\"" + V + "\",\"amount\":25}"));
        final JsonNode from = lots(U).get("platforms").get(0).get("lots").get(0);
        final JsonNode to = lots(V).get("platforms").get(0).get("lots").get(0);
        assertEquals(from.get("expiresAt"), to.get("expiresAt"), "a transfer renews nothing");
        assertEquals(25, to.get("amount").longValue());

        // Into B, which has no rule: the converted points never expire on B.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\",\"userId\":\"" + U
                + "\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":10}"));
        JsonNode onB = lots(U).get("platforms").get(1);
        assertEquals(B, onB.get("platformId").stringValue());
        assertEquals(onB.get("balance"), onB.get("neverExpires"));
        // With B's own rule of a day, B decides the lot's expiry (the next UTC midnight after a day).
        rule(B, B_MSP, "e2", 86_400);
        net.issue(A, U, 10);
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c2\",\"userId\":\"" + U
                + "\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":10}"));
        onB = lots(U).get("platforms").get(1);
        assertEquals(1, onB.get("lots").size());
        assertTrue(onB.get("lots").get(0).get("expiresAt").stringValue().endsWith("T00:00:00Z"), onB.toString());
        supplyEqualsBalances();
    }

    @Test
    void theDueQueryPagesByUserIdAndJudgesAtTheGivenTime() {
        rule(A, A_MSP, "e1", 10);
        for (int i = 0; i < 3; i++) {
            net.issue(A, "platform-a.d" + i, 5 + i);
        }
        final String dueBy = net.now.plusSeconds(20).toString();
        assertTrue(net.query(ctx -> net.expiry.getDue(ctx, "{\"platformId\":\"platform-a\"}"))
                .contains("\"users\":[]"), "nothing is due at the query's own time");
        final JsonNode page = tree(net.query(ctx -> net.expiry.getDue(ctx, "{\"platformId\":\"platform-a\","
                + "\"dueBy\":\"" + dueBy + "\",\"limit\":2}")));
        assertEquals("[{\"userId\":\"platform-a.d0\",\"amount\":5},{\"userId\":\"platform-a.d1\",\"amount\":6}]",
                page.get("users").toString());
        assertEquals("platform-a.d1", page.get("nextAfterUserId").stringValue());
        final JsonNode rest = tree(net.query(ctx -> net.expiry.getDue(ctx, "{\"platformId\":\"platform-a\","
                + "\"dueBy\":\"" + dueBy + "\",\"limit\":2,\"afterUserId\":\"platform-a.d1\"}")));
        assertEquals("[{\"userId\":\"platform-a.d2\",\"amount\":7}]", rest.get("users").toString());
        assertTrue(rest.get("nextAfterUserId") == null, rest.toString());
    }
}
