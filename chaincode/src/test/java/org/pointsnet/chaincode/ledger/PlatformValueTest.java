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
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

/** A platform's own value rule (unit value × multiplier): versioned from a stated time, set by its operator only. */
class PlatformValueTest {
    private static final String USER = "platform-a.u1";
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms(); // A: 0.01 × 1.0, C: 0.01 × 0.8, both CNY, 0 decimals
        net.issue(A, USER, 10_000);
    }

    private static String setValue(final String requestId, final String effectiveFrom, final String unitValue,
            final String multiplier) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"platform-a\","
                + (effectiveFrom == null ? "" : "\"effectiveFrom\":\"" + effectiveFrom + "\",")
                + "\"unitValue\":\"" + unitValue + "\",\"multiplier\":\"" + multiplier + "\"}";
    }

    private JsonNode quote(final long amount) {
        return StoredJson.tree(net.query(ctx -> net.conversions.quote(ctx, "{\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"amount\":" + amount + "}")).getBytes(UTF_8));
    }

    private static String convertReq(final String requestId, final long amount, final String extra) {
        return "{\"requestId\":\"" + requestId + "\",\"userId\":\"" + USER + "\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"amount\":" + amount + extra + "}";
    }

    private JsonNode versions() {
        return StoredJson.tree(net.query(ctx -> net.values.getValue(ctx, "{\"platformId\":\"platform-a\"}"))
                .getBytes(UTF_8));
    }

    @Test
    void registrationIsVersionOneAndAChangeAppliesFromItsStatedTimeToQuotesConversionsAndBalances() {
        assertEquals("{\"platformId\":\"platform-a\",\"versions\":[{\"version\":1,\"effectiveFrom\":\""
                + versions().get("versions").get(0).get("effectiveFrom").stringValue() + "\",\"unitValue\":\"0.01\","
                + "\"multiplier\":\"1\"}]}", versions().toString());
        final JsonNode before = quote(1000);
        assertEquals(1250, before.get("amountOut").longValue()); // 1000 × (0.01 × 1.0) / (0.01 × 0.8)
        assertEquals(1, before.get("rules").get("fromValueVersion").longValue());
        final String lockedRules = "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1;"
                + "fromValueVersion=1;toValueVersion=1";

        final String from = net.now.plusSeconds(100).toString();
        final JsonNode set = StoredJson.tree(net.ok(operator(A_MSP), ctx -> net.values.setValue(ctx,
                setValue("v2", from, "0.02", "1.5"))).getBytes(UTF_8));
        assertEquals("SET_VALUE", set.get("type").stringValue());
        assertEquals("{\"version\":2,\"effectiveFrom\":\"" + from + "\",\"unitValue\":\"0.02\",\"multiplier\":"
                + "\"1.5\"}", set.get("detail").toString());
        // Until its stated time the old version prices everything, conversions included.
        assertEquals(before, quote(1000));
        final JsonNode early = StoredJson.tree(net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c0", 100, ""))).getBytes(UTF_8));
        assertEquals(1, early.get("rules").get("fromValueVersion").longValue());
        assertEquals(125, early.get("detail").get("quote").get("amountOut").longValue());

        net.now = net.now.plusSeconds(100);
        final JsonNode after = quote(1000);
        assertEquals(3750, after.get("amountOut").longValue()); // 1000 × (0.02 × 1.5) / (0.01 × 0.8)
        assertEquals(2, after.get("rules").get("fromValueVersion").longValue());
        assertEquals(1, after.get("rules").get("toValueVersion").longValue());
        // A quote locked before the change no longer holds: RULES_CHANGED, nothing written.
        final String msg = net.fails("RULES_CHANGED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, ",\"quotedAmountOut\":1250,\"quotedRules\":\"" + lockedRules
                        + "\",\"quoteExpiresAt\":\"" + net.now.plusSeconds(60) + "\"")));
        assertTrue(msg.contains("fromValueVersion=1") && msg.contains("fromValueVersion=2"), msg);
        assertEquals(9_900, net.balance(A, USER));
        // A conversion now uses version 2 and its receipt says so; the obligation is valued at C's version in force.
        final Network.Result r = net.submit(client(A_MSP), Set.of(A_MSP, C_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c2", 1000, "")));
        assertEquals(ValidationCode.VALID, r.code());
        final JsonNode receipt = StoredJson.tree(Network.eventPayload(r.tx()).getBytes(UTF_8));
        assertEquals(after.get("rules"), receipt.get("rules"));
        assertEquals(2, receipt.get("detail").get("quote").get("rules").get("fromValueVersion").longValue());
        assertEquals("30", receipt.get("detail").get("obligation").get("value").stringValue()); // 3750 × 0.008
        assertEquals(3750 + 125, net.balance(C, USER));
        // The value shown for balances is at the version in force: 8900 × 0.02 × 1.5 = 267.
        final String balances = net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"" + USER + "\"}"));
        assertTrue(balances.contains("{\"platformId\":\"platform-a\",\"balance\":8900,\"value\":\"267\""), balances);
    }

    @Test
    void onlyThePlatformsOwnOperatorSetsItAndBadInputChangesNothing() {
        final String ok = setValue("v2", null, "0.02", "1");
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.values.setValue(ctx, ok));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.values.setValue(ctx, ok));
        // A's operator, endorsed by another org's peer only: A's collection is written, the policy fails.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(A_MSP), Set.of(B_MSP, C_MSP),
                ctx -> net.values.setValue(ctx, ok)).code());
        final String past = net.now.minusSeconds(10).toString();
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setValue(ctx,
                setValue("v2", past, "0.02", "1")));
        for (final String[] bad : new String[][] {{"0", "1"}, {"0.02", "0"}, {"1000001", "1"}, {"0.02", "-1"},
            {"0.0000000000001", "1"}, {"1E-2", "1"}, {"0.02", "abc"}}) {
            net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setValue(ctx,
                    setValue("v2", null, bad[0], bad[1])));
        }
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setValue(ctx,
                setValue("v2", "tomorrow", "0.02", "1")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setValue(ctx,
                ok.replace("}", ",\"categoryMultiplier\":\"2\"}")));
        assertEquals(1, versions().get("versions").size());
        assertEquals(1250, quote(1000).get("amountOut").longValue());
        // The bounds themselves are accepted.
        net.ok(operator(A_MSP), ctx -> net.values.setValue(ctx, setValue("v2", null, "1000000", "0.000000000001")));
        assertEquals(2, versions().get("versions").get(0).get("version").longValue());
    }

    @Test
    void aPlatformRegisteredBeforeValueRulesWereVersionedIsAtVersionOneAndCanChange() {
        // The record the previous chaincode wrote has no value rule: its registration values are version 1.
        assertEquals(ValidationCode.VALID, net.submit(operator(A_MSP), Set.of(A_MSP), ctx -> {
            ctx.getStub().delPrivateData("ledger-" + A, Keys.valueRules());
            return "";
        }).code());
        assertEquals(1, quote(1000).get("rules").get("fromValueVersion").longValue());
        assertEquals(1250, quote(1000).get("amountOut").longValue());
        assertEquals("1970-01-01T00:00:00Z", versions().get("versions").get(0).get("effectiveFrom").stringValue());
        net.ok(operator(A_MSP), ctx -> net.values.setValue(ctx, setValue("v2", null, "0.01", "2")));
        final JsonNode now = quote(1000);
        assertEquals(2500, now.get("amountOut").longValue());
        assertEquals(2, now.get("rules").get("fromValueVersion").longValue());
        // Only the version in force is kept once a later one applies.
        assertEquals(1, versions().get("versions").size());
    }

    @Test
    void scheduledVersionsAreBounded() {
        for (int i = 1; i <= 7; i++) {
            final String at = net.now.plusSeconds(1000L * i).toString();
            final String id = "s" + i;
            net.ok(operator(A_MSP), ctx -> net.values.setValue(ctx, setValue(id, at, "0.01", "2")));
        }
        final String at = net.now.plusSeconds(9000).toString();
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setValue(ctx,
                setValue("s8", at, "0.01", "2")));
        assertEquals(8, versions().get("versions").size());
        assertEquals(1250, quote(1000).get("amountOut").longValue());
    }
}
