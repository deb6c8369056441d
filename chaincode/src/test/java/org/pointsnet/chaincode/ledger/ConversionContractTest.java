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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

class ConversionContractTest {
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 10_000);
    }

    private static String convertReq(final String requestId, final long amount, final String extra) {
        return "{\"requestId\":\"" + requestId + "\",\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"amount\":" + amount + extra + "}";
    }

    private String quote(final long amount) {
        return net.query(ctx -> net.conversions.quote(ctx, "{\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"amount\":" + amount + "}"));
    }

    private void feeRuleOnC(final int bps, final long min, final long max) {
        net.ok(operator(C_MSP), ctx -> net.conversions.setFeeRule(ctx, "{\"requestId\":\"fee-" + bps + "\","
                + "\"platformId\":\"platform-c\",\"basisPoints\":" + bps + ",\"minFee\":" + min + ",\"maxFee\":" + max
                + "}"));
    }

    @Test
    void conversionDebitsACreditsCAndItsFeeAccountAndNeedsBothEndorsements() {
        feeRuleOnC(100, 1, 50); // 1 %
        final String quote = quote(1000);
        // 1000 × 1.0/0.8 = 1250 gross, fee ceil(12.5) = 13, out 1237.
        assertEquals("{\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-c\",\"amountIn\":1000,"
                + "\"rate\":\"1.25\",\"gross\":1250,\"fee\":13,\"amountOut\":1237,\"rules\":{\"rateSource\":"
                + "\"UNIT_VALUE\",\"fromPlatformVersion\":1,\"toPlatformVersion\":1,\"fromValueVersion\":1,"
                + "\"toValueVersion\":1,\"feeVersion\":1}}", quote);

        final Network.Result onlyA = net.submit(client(A_MSP), Set.of(A_MSP),
                ctx -> net.conversions.convert(ctx, convertReq("c1", 1000, "")));
        assertEquals(Set.of("ledger-platform-a", "ledger-platform-c"), onlyA.tx().privateWrites().keySet());
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, onlyA.code());
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(B_MSP, C_MSP),
                ctx -> net.conversions.convert(ctx, convertReq("c1", 1000, ""))).code());
        assertEquals(10_000, net.balance(A, "platform-a.u1"));

        final Network.Result r = net.submit(client(A_MSP), Set.of(A_MSP, C_MSP),
                ctx -> net.conversions.convert(ctx, convertReq("c1", 1000, ",\"minAmountOut\":1237")));
        assertEquals(ValidationCode.VALID, r.code());
        assertEquals(9_000, net.balance(A, "platform-a.u1"));
        assertEquals(1237, net.balance(C, "platform-a.u1"));
        final JsonNode receipt = StoredJson.tree(Network.eventPayload(r.tx()).getBytes(UTF_8));
        assertEquals("CONVERT", receipt.get("type").stringValue());
        assertEquals("[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":-1000},{\"platformId\":"
                + "\"platform-c\",\"userId\":\"platform-a.u1\",\"delta\":1237},{\"platformId\":\"platform-c\",\"userId\":\"fee\","
                + "\"delta\":13}]", receipt.get("postings").toString());
        // The quote is exactly what was executed.
        assertEquals(quote, receipt.get("detail").get("quote").toString());
        // A owes C the value of 1237 C points: 1237 × 0.01 × 0.8 = 9.896 CNY, booked on both sides.
        assertEquals("{\"period\":\"2025-03-14\",\"debtorPlatformId\":\"platform-a\",\"creditorPlatformId\":"
                + "\"platform-c\",\"points\":1237,\"value\":\"9.896\",\"currency\":\"CNY\",\"txId\":\""
                + r.tx().getTxId() + "\"}", receipt.get("detail").get("obligation").toString());
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":9000,\"balances\":9000},{\"platformId\":"
                + "\"platform-b\",\"supply\":0,\"balances\":0},{\"platformId\":\"platform-c\",\"supply\":1250,"
                + "\"balances\":1250}]", net.query(ctx -> net.accounts.auditSupply(ctx, "{}")));
        assertTrue(net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"fee\"}"))
                .contains("{\"platformId\":\"platform-c\",\"balance\":13,"));
    }

    @Test
    void onlyTheSourcePlatformsClientInitiates() {
        final String msg = net.fails("FORBIDDEN", client(C_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 10, "")));
        assertTrue(msg.contains("PlatformCMSP") && msg.contains("platform-a"), msg);
        net.fails("FORBIDDEN", client(B_MSP), ctx -> net.conversions.convert(ctx, convertReq("c1", 10, "")));
    }

    @Test
    void slippageWhenTheRuleChangedAfterTheQuote() {
        final long quoted = StoredJson.tree(quote(1000).getBytes(UTF_8)).get("amountOut").longValue();
        feeRuleOnC(500, 0, 1000); // 5 % fee appears after the quote
        final String msg = net.fails("SLIPPAGE", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, ",\"minAmountOut\":" + quoted)));
        assertTrue(msg.contains("pays 1187") && msg.contains("minAmountOut 1250"), msg); // 1250 − ceil(62.5)
        assertEquals(10_000, net.balance(A, "platform-a.u1"));
    }

    private static String locked(final long amountOut, final String rules, final String expiresAt) {
        return ",\"quotedAmountOut\":" + amountOut + ",\"quotedRules\":\"" + rules + "\",\"quoteExpiresAt\":\""
                + expiresAt + "\"";
    }

    @Test
    void aLockedQuoteExecutesExactlyAsQuoted() {
        feeRuleOnC(100, 1, 50);
        final String rules = "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1;fromValueVersion=1;"
                + "toValueVersion=1;feeVersion=1";
        final Network.Result r = net.submit(client(A_MSP), Set.of(A_MSP, C_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, locked(1237, rules, net.now.plusSeconds(60).toString()))));
        assertEquals(ValidationCode.VALID, r.code());
        assertEquals(1237, net.balance(C, "platform-a.u1"));
        // The expiry is inclusive: a transaction at exactly the quoted instant still executes.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c2", 1000, locked(1237, rules, net.now.toString()))));
        assertEquals(2474, net.balance(C, "platform-a.u1"));
    }

    @Test
    void aLockedQuoteFailsWithRulesChangedAfterAnyRuleChangeAndChangesNothing() {
        feeRuleOnC(100, 1, 50);
        final String rules = "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1;fromValueVersion=1;"
                + "toValueVersion=1;feeVersion=1";
        final String expiry = net.now.plusSeconds(60).toString();
        // The same fee again is a new version: the quote named version 1, so it no longer holds, amounts or not.
        net.ok(operator(C_MSP), ctx -> net.conversions.setFeeRule(ctx, "{\"requestId\":\"fee-again\","
                + "\"platformId\":\"platform-c\",\"basisPoints\":100,\"minFee\":1,\"maxFee\":50}"));
        String msg = net.fails("RULES_CHANGED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, locked(1237, rules, expiry))));
        assertTrue(msg.contains("feeVersion=1") && msg.contains("feeVersion=2"), msg);
        // Quoted rules that match but a promised amount the rules do not pay (a gateway that lies) is refused too.
        msg = net.fails("RULES_CHANGED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, locked(1300, rules.replace("feeVersion=1", "feeVersion=2"), expiry))));
        assertTrue(msg.contains("1300") && msg.contains("1237"), msg);
        assertEquals(10_000, net.balance(A, "platform-a.u1"));
        assertEquals(0, net.balance(C, "platform-a.u1"));
    }

    @Test
    void aLockedQuoteFailsWithQuoteExpiredAfterItsExpiryByTheTransactionTime() {
        final String rules = "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1";
        final String expiry = net.now.plusSeconds(60).toString();
        net.now = net.now.plusSeconds(61);
        final String msg = net.fails("QUOTE_EXPIRED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, locked(1250, rules, expiry))));
        assertTrue(msg.contains(expiry), msg);
        assertEquals(10_000, net.balance(A, "platform-a.u1"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, ",\"quotedAmountOut\":1250")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 1000, locked(1250, rules, "tomorrow"))));
    }

    @Test
    void agreedPairRateNeedsBothSidesAtTheSameVersion() {
        final String approveA = "{\"requestId\":\"ra1\",\"platformId\":\"platform-a\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"version\":1,\"rate\":\"2\"}";
        net.ok(operator(A_MSP), ctx -> net.conversions.approveRate(ctx, approveA));
        assertTrue(quote(10).contains("\"rate\":\"1.25\""), "one side alone changes nothing");
        net.fails("FORBIDDEN", client(C_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("\"platformId\":\"platform-a\"", "\"platformId\":\"platform-c\"")));
        net.fails("VALIDATION_FAILED", operator(B_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("\"platformId\":\"platform-a\"", "\"platformId\":\"platform-b\"")));
        net.ok(operator(C_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("\"platformId\":\"platform-a\"", "\"platformId\":\"platform-c\"")));
        assertTrue(quote(10).contains("\"rate\":\"2\",\"gross\":20,"), quote(10));
        assertTrue(quote(10).contains("\"rateSource\":\"RULE\",\"rateVersion\":1"), quote(10));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("ra1", "ra2")));
        // A proposes version 2; version 1 stays in force until C approves the same.
        net.ok(operator(A_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("ra1", "ra3").replace("\"version\":1", "\"version\":2").replace("\"2\"", "\"3\"")));
        assertTrue(quote(10).contains("\"gross\":20,"), quote(10));
    }

    @Test
    void aRateRecordForgedByTheDestinationAloneDoesNotPriceConversions() {
        final String approveA = "{\"requestId\":\"ra1\",\"platformId\":\"platform-a\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-c\",\"version\":1,\"rate\":\"2\"}";
        net.ok(operator(A_MSP), ctx -> net.conversions.approveRate(ctx, approveA));
        net.ok(operator(C_MSP), ctx -> net.conversions.approveRate(ctx,
                approveA.replace("\"platformId\":\"platform-a\"", "\"platformId\":\"platform-c\"")));
        assertTrue(quote(10).contains("\"gross\":20,"), quote(10));
        // C alone (its own collection: VALID) claims both sides agreed version 99 at 1000 C points per A point.
        assertEquals(ValidationCode.VALID, net.submit(operator(C_MSP), Set.of(C_MSP), ctx -> {
            ctx.getStub().putPrivateData("ledger-" + C, Keys.rate(A, C), ("{\"fromPlatformId\":\"platform-a\","
                    + "\"toPlatformId\":\"platform-c\",\"approvedVersion\":99,\"approvedRate\":\"1000\","
                    + "\"agreedVersion\":99,\"agreedRate\":\"1000\"}").getBytes(UTF_8));
            return "";
        }).code());
        // A never approved version 99, and C's record no longer shows version 1: no agreed rate, the unit-value
        // rate applies (1.25), never 1000.
        assertTrue(quote(10).contains("\"rate\":\"1.25\""), quote(10));
        final String receipt = net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c1", 100, "")));
        assertTrue(receipt.contains("\"rateSource\":\"UNIT_VALUE\""), receipt);
        assertTrue(net.balance(C, "platform-a.u1") <= 125, "100 A points must give at most 125 C points, got " + net.balance(C, "platform-a.u1"));
    }

    @Test
    void differentCurrenciesNeedAnAgreedRate() {
        net.ledger.collectionPolicy("ledger-usd-air", Set.of(B_MSP));
        net.ok(operator(B_MSP), ctx -> net.platforms.register(ctx, "{\"requestId\":\"r\",\"platformId\":\"usd-air\","
                + "\"name\":\"Air\",\"symbol\":\"MI\",\"decimals\":0,\"unitValue\":\"0.01\",\"currency\":\"USD\"}"));
        final String toUsd = convertReq("c1", 100, "").replace("platform-c", "usd-air");
        final String msg = net.fails("RATE_NOT_FOUND", client(A_MSP), ctx -> net.conversions.convert(ctx, toUsd));
        assertTrue(msg.contains("'platform-a'") && msg.contains("'usd-air'"), msg);
        final String approve = "{\"requestId\":\"ra\",\"platformId\":\"platform-a\",\"fromPlatformId\":"
                + "\"platform-a\",\"toPlatformId\":\"usd-air\",\"version\":1,\"rate\":\"0.14\"}";
        net.ok(operator(A_MSP), ctx -> net.conversions.approveRate(ctx, approve));
        net.ok(operator(B_MSP), ctx -> net.conversions.approveRate(ctx, approve.replace("\"platformId\":\"platform-a\"",
                "\"platformId\":\"usd-air\"")));
        assertEquals(ValidationCode.VALID, net.submit(client(A_MSP), Set.of(A_MSP, B_MSP),
                ctx -> net.conversions.convert(ctx, toUsd)).code());
        assertEquals(14, net.balance("usd-air", "platform-a.u1"));
    }

    @Test
    void limitsPerTransactionPerUserAndPerPair() {
        final String limits = "{\"requestId\":\"l1\",\"platformId\":\"platform-a\",\"maxPerTransaction\":500,"
                + "\"dailyPerUser\":800,\"pairDailyLimits\":[{\"toPlatformId\":\"platform-c\",\"dailyLimit\":1000}]}";
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.conversions.setLimits(ctx, limits));
        net.ok(operator(A_MSP), ctx -> net.conversions.setLimits(ctx, limits));
        assertTrue(net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.quote(ctx,
                "{\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-c\",\"amount\":501}"))
                .contains("500"));
        net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c0", 501, "")));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c1", 500, "")));
        final String perUser = net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c2", 301, "")));
        assertTrue(perUser.contains("'platform-a.u1'") && perUser.contains("800"), perUser);
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c3", 300, "")));
        // A limit introduced where none was in force binds at once; the next day starts a fresh quota.
        net.now = java.time.Instant.parse("2025-03-15T02:00:00Z");
        for (int i = 0; i < 3; i++) {
            net.issue(A, "platform-a.v" + i, 1000);
        }
        for (int i = 0; i < 2; i++) {
            final int n = i;
            net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("p" + n, 500, "")
                    .replace("\"platform-a.u1\"", "\"platform-a.v" + n + "\"")));
        }
        final String pair = net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("p2", 1, "").replace("\"platform-a.u1\"", "\"platform-a.v2\"")));
        assertTrue(pair.contains("'platform-a' -> 'platform-c'") && pair.contains("1000"), pair);
        // Other pairs are not limited.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("p3", 10, "").replace("\"platform-a.u1\"",
                "\"platform-a.v2\"").replace("platform-c", "platform-b")));
    }

    @Test
    void aNewPairLimitBindsAtOnceAndAChangedOneFromTheNextLocalDay() {
        final String first = "{\"requestId\":\"n1\",\"platformId\":\"platform-a\","
                + "\"pairDailyLimits\":[{\"toPlatformId\":\"platform-c\",\"dailyLimit\":600}]}";
        net.ok(operator(A_MSP), ctx -> net.conversions.setLimits(ctx, first));
        for (int i = 0; i < 3; i++) {
            net.issue(A, "platform-a.w" + i, 1000);
        }
        // No limit was in force for the pair today, so the new one binds now.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("n-a", 500, "")));
        final String over = net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("n-b", 101, "").replace("\"platform-a.u1\"", "\"platform-a.w0\"")));
        assertTrue(over.contains("600"), over);
        // Raising it is a change: today's 600 stays (its shards are sized and used), tomorrow the 2000 applies.
        final String raised = first.replace("\"n1\"", "\"n2\"").replace("600", "2000");
        net.ok(operator(A_MSP), ctx -> net.conversions.setLimits(ctx, raised));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("n-c", 100, "").replace("\"platform-a.u1\"", "\"platform-a.w0\"")));
        net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("n-d", 1, "").replace("\"platform-a.u1\"", "\"platform-a.w1\"")));
        net.now = net.now.plus(java.time.Duration.ofDays(1));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("n-e", 1000, "").replace("\"platform-a.u1\"", "\"platform-a.w1\"")));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("n-f", 1000, "").replace("\"platform-a.u1\"", "\"platform-a.w2\"")));
        net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("n-g", 1, "").replace("\"platform-a.u1\"", "\"platform-a.w0\"")));
    }

    @Test
    void invalidConversionsAreRefused() {
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("x", 1, "")
                .replace("platform-c", "platform-a")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("x", 1, ",\"toUserId\":\"fee\"")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("x", 1, ",\"slippage\":1")));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("x", 1, "")
                .replace("platform-c", "platform-z")));
        net.fails("INSUFFICIENT_BALANCE", client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("x", 10_001, "")));
    }

    @Test
    void feesAccrueBlindlyAndAreSweptIntoTheSpendableFeeAccount() {
        feeRuleOnC(0, 5, 5);
        final Network.Result r1 = net.submit(client(A_MSP), ctx -> net.conversions.convert(ctx,
                convertReq("c1", 100, "")));
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c2", 100, "")));
        assertEquals(0, net.balance(C, "fee"));
        net.fails("INSUFFICIENT_BALANCE", client(C_MSP), ctx -> net.accounts.burn(ctx,
                "{\"requestId\":\"b\",\"platformId\":\"platform-c\",\"userId\":\"fee\",\"amount\":1}"));
        final String credits = net.query(ctx -> net.accounts.getFeeCredits(ctx, "{\"platformId\":\"platform-c\"}"));
        assertTrue(credits.startsWith("[{\"txId\":\"" + r1.tx().getTxId() + "\",\"amount\":5},"), credits);
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.accounts.sweepFees(ctx,
                "{\"requestId\":\"s\",\"platformId\":\"platform-c\",\"txIds\":[\"" + r1.tx().getTxId() + "\"]}"));
        final Network.Result sweep = net.submit(client(C_MSP), ctx -> net.accounts.sweepFees(ctx,
                "{\"requestId\":\"s\",\"platformId\":\"platform-c\",\"txIds\":[\"" + r1.tx().getTxId() + "\"]}"));
        assertEquals(ValidationCode.VALID, sweep.code());
        assertTrue(Network.eventPayload(sweep.tx()).contains("\"postings\":[]"));
        assertEquals(5, net.balance(C, "fee"));
        assertTrue(net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"fee\"}"))
                .contains("{\"platformId\":\"platform-c\",\"balance\":10,"));
        net.fails("NOT_FOUND", client(C_MSP), ctx -> net.accounts.sweepFees(ctx,
                "{\"requestId\":\"s2\",\"platformId\":\"platform-c\",\"txIds\":[\"" + r1.tx().getTxId() + "\"]}"));
        net.ok(client(C_MSP), ctx -> net.accounts.burn(ctx,
                "{\"requestId\":\"b\",\"platformId\":\"platform-c\",\"userId\":\"fee\",\"amount\":5}"));
    }

    @Test
    void aConversionShowsOnceInTheHistoryOfAUserOnBothSides() {
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, convertReq("c1", 100, "")));
        final JsonNode page = StoredJson.tree(net.query(ctx -> net.accounts.getHistory(ctx,
                "{\"userId\":\"platform-a.u1\",\"limit\":1}")).getBytes(UTF_8));
        assertEquals("CONVERT", page.get("receipts").get(0).get("type").stringValue());
        final String cursor = page.get("nextCursor").stringValue();
        final JsonNode next = StoredJson.tree(net.query(ctx -> net.accounts.getHistory(ctx,
                "{\"userId\":\"platform-a.u1\",\"limit\":1,\"cursor\":\"" + cursor + "\"}")).getBytes(UTF_8));
        assertEquals("ISSUE", next.get("receipts").get(0).get("type").stringValue());
        assertTrue(next.get("nextCursor") == null, next.toString());
    }

    @Test
    void rulesAreReadable() {
        feeRuleOnC(100, 1, 50);
        assertEquals("{\"platformId\":\"platform-c\",\"fee\":{\"version\":1,\"basisPoints\":100,\"minFee\":1,"
                + "\"maxFee\":50},\"rates\":[]}", net.query(ctx -> net.conversions.getRules(ctx,
                "{\"platformId\":\"platform-c\"}")));
        net.fails("VALIDATION_FAILED", operator(C_MSP), ctx -> net.conversions.setFeeRule(ctx, "{\"requestId\":\"f\","
                + "\"platformId\":\"platform-c\",\"basisPoints\":100,\"minFee\":9,\"maxFee\":5}"));
    }
}
