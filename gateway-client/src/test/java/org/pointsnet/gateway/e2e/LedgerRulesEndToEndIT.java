package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's rules of issue 16 through real peers and the gateways' REST API: locked quotes (a quote id executes
 * exactly its rules and amounts, else RULES_CHANGED or QUOTE_EXPIRED, changing nothing) and reversals (a conversion
 * is reversed only with both platforms' endorsements and restores balances, supply and settlement) and the value
 * model's earning categories (per-category multipliers, versioned from a stated time) and point expiry (two lots
 * expire lot by lot, spending takes the oldest first, supply and projection agree) and the platform's own value rule
 * (a change applies from its stated time, breaks locked quotes, and receipts name its version). Rule changes made
 * here keep every amount the same once the test ends (the expiry rule is set back to 0, the value rule back to its
 * values, a fee rule re-set to its values is only a new version), so the classes that run after this one price
 * conversions as before.
 */
@Tag("network")
class LedgerRulesEndToEndIT {

    private static final String A = ApiNetwork.A;
    private static final String B = ApiNetwork.B;
    private static final List<String> PLATFORMS = ApiNetwork.PLATFORMS;
    private static final String RUN = ApiNetwork.RUN;
    private static final JsonMapper JSON = ApiNetwork.JSON;
    private static final String CHANNEL = "points";

    private static final Map<String, FabricConnection> CLIENTS = new ConcurrentHashMap<>();
    private static Map<String, ApiClient> gateways;

    @BeforeAll
    static void findTheNetworkAndRegisterPlatforms() throws Exception {
        final long start = System.nanoTime();
        gateways = ApiNetwork.clients();
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        for (final String platform : PLATFORMS) {
            try (FabricConnection admin = network.connect(platform, Role.OPERATOR)) {
                LedgerCalls.registerPlatform(admin, platform);
            }
            CLIENTS.put(platform, network.connect(platform, Role.CLIENT));
        }
        System.out.printf("LedgerRulesEndToEndIT setup took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(FabricConnection::close);
    }

    private long started;

    @BeforeEach
    void startClock() {
        started = System.nanoTime();
    }

    /** Where the class's time goes (it is the largest end-to-end class): one line per test in the failsafe output. */
    @AfterEach
    void printTime(final TestInfo test) {
        System.out.printf("LedgerRulesEndToEndIT %s took %.1f s%n", test.getDisplayName(),
            (System.nanoTime() - started) / 1e9);
    }

    @Test
    void aLockedQuoteExecutesAsQuotedOrFailsWithRulesChangedOrQuoteExpiredChangingNothing() throws Exception {
        final ApiClient a = gateways.get(A);
        final String user = ApiNetwork.user(a, "rules-quote-" + RUN);
        issue(user, "quote-issue", 1000);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        // Taken first, so its 60 s run out while the steps below run (the gateway checks expiry before rules).
        final JsonNode third = quote(100);

        final JsonNode first = quote(300);
        final HttpResponse<String> executed = convert("quote-ok", user, 300, first.path("quoteId").asString());
        assertEquals(200, executed.statusCode(), executed.body());
        final JsonNode receipt = JSON.readTree(executed.body());
        final long amountOut = first.path("amountOut").asLong();
        assertEquals(amountOut, receipt.path("detail").path("quote").path("amountOut").asLong(), executed.body());
        assertEquals(first.path("rules"), receipt.path("detail").path("quote").path("rules"), executed.body());
        assertBalances(user, 700, amountOut);

        // A rule change after the quote: B re-sets its fee rule to the values it has, a new version of it.
        final JsonNode second = quote(200);
        reSetFeeRule(B);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        ApiNetwork.assertProblem(convert("quote-changed", user, 200, second.path("quoteId").asString()), 409,
            "RULES_CHANGED");
        assertBalances(user, 700, amountOut);

        // After its expiry (60 s by default: the network does not shorten it) the gateway refuses it.
        final Instant expiresAt = Instant.parse(third.path("expiresAt").asString());
        final long wait = Duration.between(Instant.now(), expiresAt).toMillis() + 2_000;
        assertTrue(wait < 120_000, "quotes should hold about 60 s: " + third);
        Thread.sleep(Math.max(0, wait));
        ApiNetwork.assertProblem(convert("quote-expired", user, 100, third.path("quoteId").asString()), 409,
            "QUOTE_EXPIRED");
        assertBalances(user, 700, amountOut);

        // A client cannot lengthen a quote: the id with a later expiry written into it no longer verifies (400).
        final JsonNode fourth = quote(100);
        final String[] parts = fourth.path("quoteId").asString().split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[0]), UTF_8);
        final String later = Instant.parse(fourth.path("expiresAt").asString()).plusSeconds(3600).toString();
        final String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
            payload.replace(fourth.path("expiresAt").asString(), later).getBytes(UTF_8)) + "." + parts[1];
        ApiNetwork.assertProblem(convert("quote-forged", user, 100, forged), 400, "VALIDATION_FAILED");
        assertBalances(user, 700, amountOut);
        ApiNetwork.assertReconciled(a);
    }

    @Test
    void aConversionReversedWithBothEndorsementsRestoresEverythingAndOneSideAloneIsRefused() throws Exception {
        final ApiClient a = gateways.get(A);
        setWindow(A, 3600);
        setWindow(B, 3600);
        final String user = ApiNetwork.user(a, "rules-rev-" + RUN);
        issue(user, "rev-issue-1000", 1000);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        final long supplyOfB = supply(B);

        final HttpResponse<String> converted = a.post("/api/v1/conversions", "rev-conv-" + RUN, "{\"userId\":\""
            + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B + "\",\"amount\":300}");
        assertEquals(200, converted.statusCode(), converted.body());
        final JsonNode conversion = JSON.readTree(converted.body());
        final JsonNode obligation = conversion.path("detail").path("obligation");
        final String currency = obligation.path("currency").asString();
        final long amountOut = conversion.path("detail").path("quote").path("amountOut").asLong();
        assertBalances(user, 700, amountOut);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);

        // Endorsed by platform-a's peer alone (its operator, genuine code): B's collection is written, so validation
        // refuses it and nothing changes.
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        final String reverse = LedgerCalls.json("requestId", "rev-alone-" + RUN, "platformId", A,
            "originalRequestId", "rev-conv-" + RUN, "originalType", "CONVERT");
        try (FabricConnection operator = network.connect(A, Role.OPERATOR)) {
            final LedgerCalls.Outcome alone = LedgerCalls.submit(operator, "reversal:Reverse", reverse,
                network.mspId(A));
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, alone.code(), alone.toString());
        }
        assertBalances(user, 700, amountOut);

        // Through A's gateway, endorsed by both: every balance, the supply and the settlement are as before.
        final HttpResponse<String> reversed = a.post("/api/v1/conversions/rev-conv-" + RUN + "/reversal",
            "rev-ok-" + RUN, "{\"reason\":\"disputed\"}");
        assertEquals(200, reversed.statusCode(), reversed.body());
        final JsonNode reversal = JSON.readTree(reversed.body());
        assertEquals("REVERSE", reversal.path("type").asString(), reversed.body());
        assertEquals("rev-conv-" + RUN, reversal.path("detail").path("originalRequestId").asString());
        assertEquals(conversion.path("txId").asString(), reversal.path("detail").path("originalTxId").asString());
        assertEquals(-obligation.path("points").asLong(), reversal.path("detail").path("obligation").path("points")
            .asLong(), reversed.body());
        assertBalances(user, 1000, 0);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        assertEquals(supplyOfB, supply(B));
        final String period = reversal.path("detail").path("obligation").path("period").asString();
        final SettlementView settlement = SettlementView.read(CLIENTS.get(A), period);
        assertTrue(settlement.dispute(reversal.path("txId").asString()).isEmpty(), settlement.json().toString());
        assertTrue(settlement.dispute(conversion.path("txId").asString()).isEmpty(), settlement.json().toString());
        assertEquals(settlement.netPositions(currency, PLATFORMS), SettlementView.read(CLIENTS.get(B), period)
            .netPositions(currency, PLATFORMS));

        // A second reversal, and a reversal of the reversal, are refused.
        ApiNetwork.assertProblem(a.post("/api/v1/conversions/rev-conv-" + RUN + "/reversal", "rev-again-" + RUN,
            "{}"), 422, "NOT_REVERSIBLE");
        ApiNetwork.assertProblem(a.post("/api/v1/conversions/rev-ok-" + RUN + "/reversal", "rev-rev-" + RUN,
            "{}"), 422, "NOT_REVERSIBLE");

        // An issuance reversed by its platform: the points leave again; one the user spent cannot be.
        final HttpResponse<String> issued = a.post("/api/v1/issuances", "rev-issue-" + RUN,
            "{\"userId\":\"" + user + "\",\"amount\":50}");
        assertEquals(200, issued.statusCode(), issued.body());
        assertEquals(200, a.post("/api/v1/issuances/rev-issue-" + RUN + "/reversal", "rev-issue-undo-" + RUN, "{}")
            .statusCode());
        assertBalances(user, 1000, 0);
        assertEquals(200, a.post("/api/v1/burns", "rev-spend-" + RUN, "{\"userId\":\"" + user + "\",\"amount\":"
            + 1000 + "}").statusCode());
        ApiNetwork.assertProblem(a.post("/api/v1/issuances/rev-issue-1000-" + RUN + "/reversal", "rev-spent-" + RUN,
            "{}"), 422, "INSUFFICIENT_BALANCE");
        ApiNetwork.assertReconciled(a);
    }

    @Test
    void twoCategoriesCreditDifferentPointsForTheSameBaseAndAMultiplierChangeAppliesFromItsStatedTime()
        throws Exception {
        final ApiClient a = gateways.get(A);
        final String user = ApiNetwork.user(a, "rules-value-" + RUN);
        final HttpResponse<String> set = a.put("/api/v1/platforms/" + A + "/rules/categories", "cat-1-" + RUN,
            "{\"categories\":[{\"category\":\"flights\",\"multiplier\":\"2.5\"},{\"category\":\"hotels\","
                + "\"multiplier\":\"1\"}]}");
        assertEquals(200, set.statusCode(), set.body());
        final long version = JSON.readTree(set.body()).path("detail").path("version").asLong();
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);

        final JsonNode flights = categoryIssue(user, "cat-flights", 101, "flights");
        final JsonNode hotels = categoryIssue(user, "cat-hotels", 101, "hotels");
        assertEquals(252, flights.path("postings").path(0).path("delta").asLong(), flights.toString());
        assertEquals(101, hotels.path("postings").path(0).path("delta").asLong(), hotels.toString());
        assertEquals(version, flights.path("detail").path("categoriesVersion").asLong(), flights.toString());
        assertEquals("2.5", flights.path("detail").path("multiplier").asString(), flights.toString());

        // A change stated to apply 15 s from now (a commit, a sync and an issuance take ~5 s): until then the old
        // multiplier, from then on the new one.
        final Instant from = Instant.now().plusSeconds(15);
        final HttpResponse<String> later = a.put("/api/v1/platforms/" + A + "/rules/categories", "cat-2-" + RUN,
            "{\"effectiveFrom\":\"" + from + "\",\"categories\":[{\"category\":\"flights\",\"multiplier\":"
                + "\"3\"}]}");
        assertEquals(200, later.statusCode(), later.body());
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        final JsonNode before = categoryIssue(user, "cat-before", 100, "flights");
        assertTrue(Instant.parse(before.path("timestamp").asString()).isBefore(from), before.toString());
        assertEquals(250, before.path("postings").path(0).path("delta").asLong(), before.toString());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis() + 2_000));
        final JsonNode after = categoryIssue(user, "cat-after", 100, "flights");
        assertEquals(300, after.path("postings").path(0).path("delta").asLong(), after.toString());
        assertEquals(version + 1, after.path("detail").path("categoriesVersion").asLong(), after.toString());
        assertBalances(user, 252 + 101 + 250 + 300, 0);
        ApiNetwork.assertReconciled(a);
    }

    @Test
    void pointsIssuedInTwoLotsExpireLotByLotSpendingTakesTheOldestFirstAndSupplyAndProjectionAgree()
        throws Exception {
        final ApiClient a = gateways.get(A);
        final String user = ApiNetwork.user(a, "rules-exp-" + RUN);
        final JsonNode first;
        final JsonNode second;
        try {
            // Short periods so the test waits seconds: lot 1 lives 25 s, lot 2 (issued under a new version) 70 s,
            // so the steps between the two expiries have most of a minute even on a loaded machine.
            setExpiry(25, "exp-rule-25");
            issue(user, "exp-lot-1", 100);
            setExpiry(70, "exp-rule-70");
            issue(user, "exp-lot-2", 50);
        } finally {
            // Credits from now on never expire again: the classes after this one see A as before.
            setExpiry(0, "exp-rule-0");
        }
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        JsonNode lots = lotsOnA(user);
        assertEquals(2, lots.path("lots").size(), lots.toString());
        first = lots.path("lots").path(0);
        second = lots.path("lots").path(1);
        assertEquals(100, first.path("amount").asLong(), lots.toString());
        assertEquals(50, second.path("amount").asLong(), lots.toString());
        final Instant firstDue = Instant.parse(first.path("expiresAt").asString());
        final Instant secondDue = Instant.parse(second.path("expiresAt").asString());
        assertTrue(secondDue.isAfter(firstDue), lots.toString());

        // Spending takes the oldest lot first.
        assertEquals(200, a.post("/api/v1/burns", "exp-spend-" + RUN, "{\"userId\":\"" + user + "\",\"amount\":30}")
            .statusCode());
        lots = lotsOnA(user);
        assertEquals(70, lots.path("lots").path(0).path("amount").asLong(), lots.toString());
        assertEquals(50, lots.path("lots").path(1).path("amount").asLong(), lots.toString());
        if (Instant.now().isBefore(firstDue.minusSeconds(5))) {
            // Nothing is due yet: the expiry transaction is refused and changes nothing.
            ApiNetwork.assertProblem(a.post("/api/v1/platforms/" + A + "/expirations", "exp-early-" + RUN,
                "{\"userIds\":[\"" + user + "\"]}"), 400, "VALIDATION_FAILED");
        }

        // Lot 1 is due: no one can spend it; only A's own peer can remove it (endorsed by B alone it is invalid),
        // and B's gateway cannot act for A at all.
        sleepUntil(firstDue);
        ApiNetwork.assertProblem(a.post("/api/v1/burns", "exp-overspend-" + RUN, "{\"userId\":\"" + user
            + "\",\"amount\":51}"), 422, "INSUFFICIENT_BALANCE");
        ApiNetwork.assertProblem(gateways.get(B).post("/api/v1/platforms/" + A + "/expirations", "exp-b-" + RUN,
            "{\"userIds\":[\"" + user + "\"]}"), 403, "FORBIDDEN");
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        final String expire = LedgerCalls.json("requestId", "exp-rogue-" + RUN, "platformId", A, "userIds",
            List.of(user));
        try (FabricConnection operatorOfB = network.connect(B, Role.OPERATOR)) {
            final LedgerCalls.Outcome byB = LedgerCalls.submit(operatorOfB, "expiry:Expire", expire, network.mspId(B));
            assertTrue(byB.code() == null && byB.endorsementError().contains("FORBIDDEN"), byB.toString());
        }
        try (FabricConnection operatorOfA = network.connect(A, Role.OPERATOR)) {
            final LedgerCalls.Outcome endorsedByB = LedgerCalls.submit(operatorOfA, "expiry:Expire", expire,
                network.mspId(B));
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, endorsedByB.code(), endorsedByB.toString());
        }
        assertBalances(user, 120, 0);

        final HttpResponse<String> expired = a.post("/api/v1/platforms/" + A + "/expirations", "exp-1-" + RUN,
            "{\"userIds\":[\"" + user + "\"]}");
        assertEquals(200, expired.statusCode(), expired.body());
        final JsonNode receipt = JSON.readTree(expired.body());
        assertEquals("EXPIRE", receipt.path("type").asString(), expired.body());
        assertEquals(-70, receipt.path("postings").path(0).path("delta").asLong(), expired.body());
        assertBalances(user, 50, 0);
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        NetworkInvariants.assertSupplyEqualsBalancesOnEveryPeer(network);
        ApiNetwork.assertReconciled(a);

        // Then lot 2, this time the users found by the gateway's evaluate-only query.
        sleepUntil(secondDue);
        final HttpResponse<String> swept = a.post("/api/v1/platforms/" + A + "/expirations", "exp-2-" + RUN, "");
        assertEquals(200, swept.statusCode(), swept.body());
        assertTrue(swept.body().contains("{\"platformId\":\"" + A + "\",\"userId\":\"" + user
            + "\",\"delta\":-50}"), swept.body());
        assertBalances(user, 0, 0);
        assertEquals("[]", lotsOnA(user).path("lots").toString());
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
        NetworkInvariants.assertSupplyEqualsBalancesOnEveryPeer(network);
        ApiNetwork.assertReconciled(a);
    }

    @Test
    void aValueRuleChangeAppliesFromItsStatedTimeBreaksLockedQuotesAndReceiptsNameItsVersion() throws Exception {
        final ApiClient a = gateways.get(A);
        final String user = ApiNetwork.user(a, "rules-val-" + RUN);
        issue(user, "val-issue", 1000);
        final JsonNode inForce = valueRuleInForce();
        final String unitValue = inForce.path("unitValue").asString();
        final String doubled = new BigDecimal(inForce.path("multiplier").asString()).multiply(BigDecimal.valueOf(2))
            .stripTrailingZeros().toPlainString();
        final String change = "{\"unitValue\":\"" + unitValue + "\",\"multiplier\":\"" + doubled + "\"}";

        // Only A's own operator through A's peer: B's gateway is 403, B's operator is refused at endorsement, and
        // A's call endorsed by B's peer alone fails the endorsement policy. Nothing changes.
        ApiNetwork.assertProblem(gateways.get(B).put("/api/v1/platforms/" + A + "/rules/value", "val-b-" + RUN,
            change), 403, "FORBIDDEN");
        final LedgerNetwork network = LedgerNetwork.fromSystemProperty();
        final String rogue = LedgerCalls.json("requestId", "val-rogue-" + RUN, "platformId", A, "unitValue",
            unitValue, "multiplier", doubled);
        try (FabricConnection operatorOfB = network.connect(B, Role.OPERATOR)) {
            final LedgerCalls.Outcome byB = LedgerCalls.submit(operatorOfB, "value:SetValue", rogue, network.mspId(B));
            assertTrue(byB.code() == null && byB.endorsementError().contains("FORBIDDEN"), byB.toString());
        }
        try (FabricConnection operatorOfA = network.connect(A, Role.OPERATOR)) {
            final LedgerCalls.Outcome endorsedByB = LedgerCalls.submit(operatorOfA, "value:SetValue", rogue,
                network.mspId(B));
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, endorsedByB.code(), endorsedByB.toString());
        }
        ApiNetwork.assertProblem(a.put("/api/v1/platforms/" + A + "/rules/value", "val-bad-" + RUN,
            "{\"unitValue\":\"0\",\"multiplier\":\"1\"}"), 400, "VALIDATION_FAILED");
        assertEquals(inForce, valueRuleInForce());

        // A's operator doubles the multiplier from 12 s ahead: until then quotes use the old version.
        final Instant from = Instant.now().plusSeconds(12);
        final HttpResponse<String> set = a.put("/api/v1/platforms/" + A + "/rules/value", "val-2x-" + RUN,
            "{\"effectiveFrom\":\"" + from + "\"," + change.substring(1));
        assertEquals(200, set.statusCode(), set.body());
        final long version = JSON.readTree(set.body()).path("detail").path("version").asLong();
        try {
            PeerHeights.awaitInSync(CLIENTS, CHANNEL);
            final JsonNode before = quote(300);
            assertTrue(Instant.now().isBefore(from), "the quote before the change came too late: " + before);
            assertEquals(version - 1, before.path("rules").path("fromValueVersion").asLong(), before.toString());

            sleepUntil(from);
            final JsonNode after = quote(300);
            assertEquals(version, after.path("rules").path("fromValueVersion").asLong(), after.toString());
            assertEquals(2 * before.path("gross").asLong(), after.path("gross").asLong(), after + " vs " + before);
            // The quote locked before the change no longer holds: RULES_CHANGED, nothing moves.
            ApiNetwork.assertProblem(convert("val-locked", user, 300, before.path("quoteId").asString()), 409,
                "RULES_CHANGED");
            assertBalances(user, 1000, 0);
            final HttpResponse<String> converted = convert("val-conv", user, 300, after.path("quoteId").asString());
            assertEquals(200, converted.statusCode(), converted.body());
            final JsonNode receipt = JSON.readTree(converted.body());
            assertEquals(version, receipt.path("rules").path("fromValueVersion").asLong(), converted.body());
            assertEquals(after.path("amountOut").asLong(), receipt.path("detail").path("quote").path("amountOut")
                .asLong(), converted.body());
            assertBalances(user, 700, after.path("amountOut").asLong());
            // The user's history names the version too, and the balance is valued at it.
            final JsonNode history = JSON.readTree(a.get("/api/v1/users/" + user + "/history?limit=5").body());
            assertEquals(version, history.path("receipts").path(0).path("rules").path("fromValueVersion").asLong(),
                history.toString());
            final BigDecimal expected = new BigDecimal(unitValue).multiply(new BigDecimal(doubled))
                .multiply(BigDecimal.valueOf(700));
            assertEquals(0, expected.compareTo(balanceValueOnA(user)), user + " on " + A);
        } finally {
            // The value A had, again (a new version): the classes after this one price conversions as before.
            final HttpResponse<String> restored = a.put("/api/v1/platforms/" + A + "/rules/value",
                "val-back-" + RUN, "{\"unitValue\":\"" + unitValue + "\",\"multiplier\":\""
                    + inForce.path("multiplier").asString() + "\"}");
            assertEquals(200, restored.statusCode(), restored.body());
        }
        ApiNetwork.assertReconciled(a);
    }

    /** A's value-rule version in force now, as A's gateway answers GET /platforms/{id}/value. */
    private static JsonNode valueRuleInForce() throws Exception {
        final HttpResponse<String> response = gateways.get(A).get("/api/v1/platforms/" + A + "/value");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode found = null;
        for (final JsonNode version : JSON.readTree(response.body()).path("versions")) {
            if (found == null || !Instant.parse(version.path("effectiveFrom").asString()).isAfter(Instant.now())) {
                found = version;
            }
        }
        assertTrue(found != null, response.body());
        return found;
    }

    /** The value of the user's balance on A, as A's gateway answers GET /users/{id}/balances. */
    private static BigDecimal balanceValueOnA(final String user) throws Exception {
        final HttpResponse<String> response = gateways.get(A).get("/api/v1/users/" + user + "/balances");
        assertEquals(200, response.statusCode(), response.body());
        for (final JsonNode balance : JSON.readTree(response.body()).path("balances")) {
            if (A.equals(balance.path("platformId").asString())) {
                return new BigDecimal(balance.path("value").asString());
            }
        }
        throw new AssertionError("no balance on " + A + ": " + response.body());
    }

    private static void setExpiry(final long seconds, final String key) throws Exception {
        final HttpResponse<String> response = gateways.get(A).put("/api/v1/platforms/" + A + "/rules/expiry",
            key + "-" + RUN, "{\"periodSeconds\":" + seconds + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The user's lots on A, as A's gateway answers GET /users/{id}/expiry. */
    private static JsonNode lotsOnA(final String user) throws Exception {
        final HttpResponse<String> response = gateways.get(A).get("/api/v1/users/" + user + "/expiry");
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode platforms = JSON.readTree(response.body()).path("platforms");
        assertEquals(A, platforms.path(0).path("platformId").asString(), response.body());
        return platforms.path(0);
    }

    /** Sleeps until {@code due} has passed by the local clock, plus a margin for the peers' clocks. */
    private static void sleepUntil(final Instant due) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 2_000));
    }

    private static JsonNode categoryIssue(final String user, final String key, final long base,
                                          final String category) throws Exception {
        final HttpResponse<String> response = gateways.get(A).post("/api/v1/issuances", key + "-" + RUN,
            "{\"userId\":\"" + user + "\",\"amount\":" + base + ",\"category\":\"" + category + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void setWindow(final String platform, final long seconds) throws Exception {
        final HttpResponse<String> response = gateways.get(platform).put("/api/v1/platforms/" + platform
            + "/rules/reversal", "window-" + seconds + "-" + RUN, "{\"windowSeconds\":" + seconds + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    private static long supply(final String platform) {
        final JsonNode supply = LedgerCalls.evaluate(CLIENTS.get(platform), "account:GetSupply",
            "{\"platformId\":\"" + platform + "\"}");
        return supply.path(0).path("supply").asLong();
    }

    /** Issues platform-a points under request id {@code key-RUN} (ApiNetwork.issue's key is too long for our ids). */
    private static void issue(final String user, final String key, final long amount) throws Exception {
        final HttpResponse<String> response = gateways.get(A).post("/api/v1/issuances", key + "-" + RUN,
            "{\"userId\":\"" + user + "\",\"amount\":" + amount + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    private static JsonNode quote(final long amount) throws Exception {
        final HttpResponse<String> response = gateways.get(A).get("/api/v1/quotes?from=" + A + "&to=" + B
            + "&amount=" + amount);
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode quote = JSON.readTree(response.body());
        assertTrue(quote.path("quoteId").isString() && quote.path("expiresAt").isString(), response.body());
        return quote;
    }

    private static String body(final String user, final long amount, final String quoteId) {
        return "{\"userId\":\"" + user + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
            + "\",\"amount\":" + amount + ",\"quoteId\":\"" + quoteId + "\"}";
    }

    private static HttpResponse<String> convert(final String key, final String user, final long amount,
                                                final String quoteId) throws Exception {
        return gateways.get(A).post("/api/v1/conversions", key + "-" + RUN, body(user, amount, quoteId));
    }

    /** Re-sets the platform's fee rule to the values in force (0/0/0 when it has none): same fees, new version. */
    private static void reSetFeeRule(final String platform) throws Exception {
        final JsonNode fee = LedgerCalls.evaluate(CLIENTS.get(platform), "conversion:GetRules",
            "{\"platformId\":\"" + platform + "\"}").path("fee");
        final String rule = "{\"basisPoints\":" + fee.path("basisPoints").asLong(0) + ",\"minFee\":"
            + fee.path("minFee").asLong(0) + ",\"maxFee\":" + fee.path("maxFee").asLong(0) + "}";
        final HttpResponse<String> response = gateways.get(platform).put("/api/v1/platforms/" + platform
            + "/rules/fee", "fee-again-" + RUN, rule);
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The user's balances on A and B as every org's peer sees them. */
    private static void assertBalances(final String user, final long onA, final long onB) throws Exception {
        for (final String org : PLATFORMS) {
            assertEquals(onA, ApiNetwork.balanceEventually(gateways.get(org), user, A, onA), org + " on " + A);
            assertEquals(onB, ApiNetwork.balanceEventually(gateways.get(org), user, B, onB), org + " on " + B);
        }
    }
}
