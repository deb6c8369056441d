package org.pointsnet.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Receipt;
import org.pointsnet.contract.UserId;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.ledger.AdminIdentityMissingException;
import org.pointsnet.gateway.ledger.FabricLedgerClient;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.quotes.LockedQuote;
import org.pointsnet.gateway.quotes.QuoteTokens;
import org.pointsnet.gateway.security.ApiTokens;
import org.pointsnet.gateway.security.ResourceServerConfiguration;
import org.pointsnet.gateway.users.UserCredentials;
import org.pointsnet.gateway.users.UserIds;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(controllers = {PointsController.class, AdminController.class, ReversalController.class,
    ValueController.class, ExpiryController.class})
@Import({ApiControllerTest.Beans.class, ResourceServerConfiguration.class})
class ApiControllerTest {

    static final String A = "platform-a";
    static final String RECEIPT = "{\"type\":\"ISSUE\",\"requestId\":\"k1\",\"requestHash\":\"h\",\"txId\":\"tx-first\","
        + "\"timestamp\":\"2026-11-23T10:00:00Z\",\"platformId\":\"platform-a\","
        + "\"postings\":[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":100}],\"detail\":{\"x\":1}}";

    @TestConfiguration
    static class Beans {
        /** Every request carries platform-a's back-end token unless the test sends another one. */
        @Bean
        MockMvcBuilderCustomizer platformToken() {
            return builder -> builder.defaultRequest(get("/").with(ApiTokens.backend(A)));
        }

        @Bean
        UserIds userIds() {
            return new UserIds("0123456789abcdef0123456789abcdef-test-key");
        }

        @Bean
        QuoteTokens quoteTokens() {
            return new QuoteTokens(QUOTE_KEY, Duration.ofSeconds(60), Clock.systemUTC());
        }
    }

    static final byte[] QUOTE_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LedgerClient ledger;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    UserCredentials credentials;

    private static LedgerClient.Committed committed() {
        return new LedgerClient.Committed("tx-this", 42, JsonMapper.shared().readValue(RECEIPT, Receipt.class));
    }

    /** The function sent to the chaincode, matched by its qualified name. */
    private static LedgerFunction fn(final String qualifiedName) {
        return argThat(function -> function != null && function.qualifiedName().equals(qualifiedName));
    }

    /** The request sent to the chaincode, matched by the exact JSON the chaincode receives. */
    private static LedgerRequest json(final String expected) {
        return argThat(request -> request != null && FabricLedgerClient.toJson(request).equals(expected));
    }

    private ResultActions send(final MockHttpServletRequestBuilder request, final String key, final String body)
        throws Exception {
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions postJson(final String path, final String body) throws Exception {
        return send(post(path), "k1", body);
    }

    private static ResultActions expectProblem(final ResultActions result, final int status, final String code)
        throws Exception {
        return result.andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(status))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.type").value(Matchers.startsWith("urn:pointsnet:problem:")))
            .andExpect(jsonPath("$.detail").isString())
            .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private static void expectReceipt(final ResultActions result) throws Exception {
        result.andExpect(status().isOk())
            .andExpect(jsonPath("$.txId").value("tx-first"))
            .andExpect(jsonPath("$.requestId").value("k1"))
            .andExpect(jsonPath("$.status").value("COMMITTED"))
            .andExpect(jsonPath("$.blockNumber").value(42))
            .andExpect(jsonPath("$.postings[0].platformId").value(A))
            .andExpect(jsonPath("$.postings[0].userId").value("platform-a.u1"))
            .andExpect(jsonPath("$.postings[0].delta").value(100))
            .andExpect(jsonPath("$.type").value("ISSUE"))
            .andExpect(jsonPath("$.requestHash").doesNotExist());
    }

    // ---- happy paths -------------------------------------------------------------------------------------------

    @Test
    void platformsAreTheChaincodesList() throws Exception {
        when(ledger.evaluate(fn("platform:List"), json("{}"))).thenReturn("[{\"platformId\":\"platform-a\",\"decimals\":2}]");
        mvc.perform(get("/api/v1/platforms")).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].platformId").value(A));
    }

    @Test
    void userIdsAreDeterministicPerPlatformUserAndRegisteredOnTheLedger() throws Exception {
        final String first = mvc.perform(post("/api/v1/users").header("Idempotency-Key", "u")
                .contentType(MediaType.APPLICATION_JSON).content("{\"platformUserId\":\"alice@example\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.userId").value(Matchers.startsWith("platform-a.")))
            .andExpect(jsonPath("$.userId").value(Matchers.matchesPattern(UserId.PATTERN)))
            .andReturn().getResponse().getContentAsString();
        final String again = postJson("/api/v1/users", "{\"platformUserId\":\"alice@example\"}")
            .andReturn().getResponse().getContentAsString();
        final String other = postJson("/api/v1/users", "{\"platformUserId\":\"bob@example\"}")
            .andReturn().getResponse().getContentAsString();
        org.junit.jupiter.api.Assertions.assertEquals(first, again);
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
        final String id = JsonMapper.shared().readTree(first).get("userId").asString();
        verify(ledger, times(2)).registerUser(id);
        verify(ledger).registerUser(JsonMapper.shared().readTree(other).get("userId").asString());
    }

    @Test
    void aUserTheLedgerCannotRegisterGetsNoIdAndNoPassword() throws Exception {
        doThrow(new LedgerUnavailableException("down", null, true, null)).when(ledger).registerUser(any());
        postJson("/api/v1/users", "{\"platformUserId\":\"alice@example\",\"password\":\"correct horse battery\"}")
            .andExpect(status().isServiceUnavailable());
        verifyNoInteractions(credentials);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "nobody", "nobody-at-all", "platform-a", "platform-a.", "platform-a.k=k"})
    void idsNoPlatformCouldHaveCreatedAre404BeforeTheLedger(final String id) throws Exception {
        expectProblem(postJson("/api/v1/issuances", "{\"userId\":\"" + id + "\",\"amount\":1}"), 404,
            "USER_NOT_FOUND");
        expectProblem(postJson("/api/v1/transfers", "{\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\","
            + "\"toUserId\":\"" + id + "\",\"amount\":1}"), 404, "USER_NOT_FOUND");
        expectProblem(postJson("/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
            + "\"toPlatformId\":\"platform-b\",\"amount\":1,\"toUserId\":\"" + id + "\"}"), 404, "USER_NOT_FOUND");
        verifyNoInteractions(ledger);
    }

    @Test
    void userIdsDependOnTheKey() {
        final String one = new UserIds("k".repeat(32)).userId(A, "alice");
        final String two = new UserIds("j".repeat(32)).userId(A, "alice");
        org.junit.jupiter.api.Assertions.assertNotEquals(one, two);
        org.junit.jupiter.api.Assertions.assertTrue(new UserIds("k".repeat(32))
            .userId("p".repeat(32), "alice").length() <= 64);
    }

    @Test
    void balancesAskTheChaincodeForTheUserOnTheCallersPlatformOnly() throws Exception {
        when(ledger.evaluate(fn("account:GetBalances"),
            json("{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-a\"}")))
            .thenReturn("{\"userId\":\"platform-a.u1\",\"balances\":[{\"platformId\":\"platform-a\",\"balance\":5}],"
                + "\"totalValue\":\"0.05\",\"currency\":\"USD\"}");
        mvc.perform(get("/api/v1/users/platform-a.u1/balances")).andExpect(status().isOk())
            .andExpect(jsonPath("$.balances[0].balance").value(5))
            .andExpect(jsonPath("$.totalValue").value("0.05"));
    }

    @Test
    void theUsersOwnTokenReadsItsBalancesAndHistoryOnEveryPlatform() throws Exception {
        when(ledger.evaluate(fn("account:GetBalances"), json("{\"userId\":\"platform-a.u1\"}")))
            .thenReturn("{\"userId\":\"platform-a.u1\",\"balances\":[]}");
        when(ledger.evaluate(fn("account:GetHistory"), json("{\"userId\":\"platform-a.u1\",\"limit\":50}")))
            .thenReturn("{\"userId\":\"platform-a.u1\",\"receipts\":[]}");
        mvc.perform(get("/api/v1/users/platform-a.u1/balances").with(ApiTokens.user(A, "platform-a.u1")))
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/platform-a.u1/history").with(ApiTokens.user(A, "platform-a.u1")))
            .andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform-b.u1", "platform-ab.u1", "platform-c.u1"})
    void aPlatformReadsOnlyItsOwnUsers(final String userId) throws Exception {
        expectProblem(mvc.perform(get("/api/v1/users/{id}/balances", userId)), 403, "FORBIDDEN");
        expectProblem(mvc.perform(get("/api/v1/users/{id}/history", userId)), 403, "FORBIDDEN");
        verifyNoInteractions(ledger);
    }

    @Test
    void generatedUserIdsWorkAsPathSegments() throws Exception {
        final String userId = new UserIds("0123456789abcdef0123456789abcdef-test-key").userId(A, "alice");
        when(ledger.evaluate(fn("account:GetBalances"),
            json("{\"userId\":\"" + userId + "\",\"platformId\":\"platform-a\"}")))
            .thenReturn("{\"userId\":\"" + userId + "\",\"balances\":[]}");
        mvc.perform(get("/api/v1/users/{userId}/balances", userId)).andExpect(status().isOk())
            .andExpect(jsonPath("$.userId").value(userId));
    }

    @Test
    void historyPassesCursorAndLimit() throws Exception {
        when(ledger.evaluate(fn("account:GetHistory"), json("{\"userId\":\"platform-a.u1\",\"limit\":10,\"cursor\":\"c-1\","
            + "\"platformId\":\"platform-a\"}")))
            .thenReturn("{\"userId\":\"platform-a.u1\",\"receipts\":[],\"nextCursor\":\"c-2\"}");
        mvc.perform(get("/api/v1/users/platform-a.u1/history").param("cursor", "c-1").param("limit", "10"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.nextCursor").value("c-2"));
    }

    @Test
    void historyDefaultsToFifty() throws Exception {
        when(ledger.evaluate(fn("account:GetHistory"), json("{\"userId\":\"platform-a.u1\",\"limit\":50,\"platformId\":\"platform-a\"}")))
            .thenReturn("{\"userId\":\"platform-a.u1\",\"receipts\":[]}");
        mvc.perform(get("/api/v1/users/platform-a.u1/history")).andExpect(status().isOk())
            .andExpect(jsonPath("$.receipts").isArray());
    }

    @Test
    void issuanceCreditsTheCallersPlatformWithTheKeyAsRequestId() throws Exception {
        when(ledger.submit(fn("account:Issue"),
            json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"signup\"}")))
            .thenReturn(committed());
        expectReceipt(postJson("/api/v1/issuances", "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"signup\"}"));
    }

    @Test
    void theReceiptAnswerKeepsApiMdsMembersFirstThenTheChaincodesInTheirOrder() throws Exception {
        when(ledger.submit(fn("account:Issue"), any())).thenReturn(committed());
        postJson("/api/v1/issuances", "{\"userId\":\"platform-a.u1\",\"amount\":100}").andExpect(status().isOk())
            .andExpect(content().json("{\"txId\":\"tx-first\",\"requestId\":\"k1\",\"status\":\"COMMITTED\","
                + "\"blockNumber\":42,\"postings\":[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":100}],"
                + "\"type\":\"ISSUE\",\"timestamp\":\"2026-11-23T10:00:00Z\",\"platformId\":\"platform-a\","
                + "\"detail\":{\"x\":1}}", org.springframework.test.json.JsonCompareMode.STRICT))
            .andExpect(content().string(Matchers.startsWith("{\"txId\":\"tx-first\",\"requestId\":\"k1\","
                + "\"status\":\"COMMITTED\",\"blockNumber\":42,\"postings\":[{\"platformId\":\"platform-a\",")))
            .andExpect(content().string(Matchers.endsWith("\"type\":\"ISSUE\",\"timestamp\":\"2026-11-23T10:00:00Z\","
                + "\"platformId\":\"platform-a\",\"detail\":{\"x\":1}}")));
    }

    @Test
    void idempotencyKeysMayHoldInnerSpacesLikeChaincodeRequestIds() throws Exception {
        when(ledger.submit(fn("account:Issue"),
            json("{\"requestId\":\"order 17\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":1}")))
            .thenReturn(committed());
        expectReceipt(send(post("/api/v1/issuances"), "order 17", "{\"userId\":\"platform-a.u1\",\"amount\":1}"));
    }

    @Test
    void burnAcceptsTheLargestAmount() throws Exception {
        when(ledger.submit(fn("account:Burn"),
            json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":1000000000000000}")))
            .thenReturn(committed());
        expectReceipt(postJson("/api/v1/burns", "{\"userId\":\"platform-a.u1\",\"amount\":1000000000000000}"));
    }

    @Test
    void transferWithinTheCallersPlatform() throws Exception {
        when(ledger.submit(fn("account:Transfer"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\",\"amount\":7}"))).thenReturn(committed());
        expectReceipt(postJson("/api/v1/transfers",
            "{\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\",\"amount\":7}"));
    }

    @Test
    void quoteAsksTheChaincode() throws Exception {
        when(ledger.evaluate(fn("conversion:Quote"),
            json("{\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":300}")))
            .thenReturn("{\"amountIn\":300,\"fee\":1,\"amountOut\":149,\"rate\":\"0.5\",\"rules\":"
                + "{\"rateSource\":\"AGREED\",\"rateVersion\":3,\"fromPlatformVersion\":1,\"toPlatformVersion\":2}}");
        mvc.perform(get("/api/v1/quotes").param("from", A).param("to", "platform-b").param("amount", "300"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.amountOut").value(149))
            .andExpect(jsonPath("$.ruleVersion")
                .value("rateSource=AGREED;rateVersion=3;fromPlatformVersion=1;toPlatformVersion=2"))
            .andExpect(jsonPath("$.rules.rateVersion").value(3));
    }

    @Test
    void aQuoteCarriesAQuoteIdThatLocksItsRulesAndAmounts() throws Exception {
        when(ledger.evaluate(fn("conversion:Quote"),
            json("{\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":300}")))
            .thenReturn("{\"amountIn\":300,\"fee\":1,\"amountOut\":149,\"rate\":\"0.5\",\"rules\":"
                + "{\"rateSource\":\"UNIT_VALUE\",\"fromPlatformVersion\":1,\"toPlatformVersion\":2}}");
        final String answer = mvc.perform(get("/api/v1/quotes").param("from", A).param("to", "platform-b")
                .param("amount", "300"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.quoteId").isString())
            .andExpect(jsonPath("$.expiresAt").isString()).andReturn().getResponse().getContentAsString();
        final tools.jackson.databind.JsonNode quote = JsonMapper.shared().readTree(answer);
        final Instant expiresAt = Instant.parse(quote.path("expiresAt").asString());
        assertTrue(expiresAt.isAfter(Instant.now().plusSeconds(50)), answer);
        final String quoteId = quote.path("quoteId").asString();

        when(ledger.submit(fn("conversion:Convert"), json("{\"requestId\":\"k1\",\"userId\":\"platform-a.u1\","
            + "\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":300,"
            + "\"quotedAmountOut\":149,\"quotedRules\":\"rateSource=UNIT_VALUE;fromPlatformVersion=1;"
            + "toPlatformVersion=2\",\"quoteExpiresAt\":\"" + expiresAt + "\"}"))).thenReturn(committed());
        final String body = "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
            + "\"toPlatformId\":\"platform-b\",\"amount\":%d,\"quoteId\":\"%s\"}";
        expectReceipt(postJson("/api/v1/conversions", body.formatted(300, quoteId)));

        // Another amount than quoted, an altered id (a later expiry, say) or one of another gateway: 400.
        expectProblem(postJson("/api/v1/conversions", body.formatted(301, quoteId)), 400, "VALIDATION_FAILED");
        final String[] parts = quoteId.split("\\.");
        final String longer = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(expiresAt.toString(), expiresAt.plusSeconds(3600).toString())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expectProblem(postJson("/api/v1/conversions", body.formatted(300, longer + "." + parts[1])), 400,
            "VALIDATION_FAILED");
        final String foreign = new QuoteTokens("another-gateway-key-0123456789abcdef".getBytes(
            java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(60), Clock.systemUTC())
            .mint(new LockedQuote(A, "platform-b", 300, 149, "x", expiresAt));
        expectProblem(postJson("/api/v1/conversions", body.formatted(300, foreign)), 400, "VALIDATION_FAILED");

        // Past its expiry by the gateway's clock: QUOTE_EXPIRED before anything is sent to the ledger.
        final String old = new QuoteTokens(QUOTE_KEY, Duration.ofSeconds(60),
            Clock.fixed(Instant.now().minusSeconds(61), ZoneOffset.UTC)).mint(new QuoteTokens(QUOTE_KEY,
                Duration.ofSeconds(60), Clock.fixed(Instant.now().minusSeconds(61), ZoneOffset.UTC))
            .lock(A, "platform-b", 300, 149, "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=2"));
        expectProblem(postJson("/api/v1/conversions", body.formatted(300, old)), 409, "QUOTE_EXPIRED");
        verify(ledger, times(1)).submit(fn("conversion:Convert"), any());
    }

    @Test
    void categoriesAreSetAsTheOperatorAndAnIssuanceNamesOne() throws Exception {
        when(ledger.submitAsAdmin(fn("value:SetCategories"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"effectiveFrom\":\"2026-12-01T00:00:00Z\",\"categories\":[{\"category\":"
            + "\"flights\",\"multiplier\":\"2.5\"}]}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/categories"), "k1", "{\"effectiveFrom\":"
            + "\"2026-12-01T00:00:00Z\",\"categories\":[{\"category\":\"flights\",\"multiplier\":\"2.5\"}]}"));
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/categories"), "k1", "{\"categories\":[]}"), 400,
            "VALIDATION_FAILED");
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/categories"), "k1", "{\"categories\":[{"
            + "\"category\":\"Flights\",\"multiplier\":\"2\"}]}"), 400, "VALIDATION_FAILED");
        when(ledger.submit(fn("account:Issue"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"userId\":\"platform-a.u1\",\"amount\":100,\"category\":\"flights\"}"))).thenReturn(committed());
        expectReceipt(postJson("/api/v1/issuances", "{\"userId\":\"platform-a.u1\",\"amount\":100,"
            + "\"category\":\"flights\"}"));
        expectProblem(postJson("/api/v1/burns", "{\"userId\":\"platform-a.u1\",\"amount\":100,"
            + "\"category\":\"flights\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theValueRuleIsSetAsTheOperatorAndBadInputNeverReachesTheLedger() throws Exception {
        when(ledger.submitAsAdmin(fn("value:SetValue"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"effectiveFrom\":\"2026-12-01T00:00:00Z\",\"unitValue\":\"0.02\",\"multiplier\":"
            + "\"1.5\"}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/value"), "k1", "{\"effectiveFrom\":"
            + "\"2026-12-01T00:00:00Z\",\"unitValue\":\"0.02\",\"multiplier\":\"1.5\"}"));
        for (final String bad : List.of("{\"unitValue\":\"0\",\"multiplier\":\"1\"}",
            "{\"unitValue\":\"0.02\"}", "{\"multiplier\":\"1\"}", "{\"unitValue\":\"1000001\",\"multiplier\":\"1\"}",
            "{\"unitValue\":\"0.0000000000001\",\"multiplier\":\"1\"}", "{\"unitValue\":1,\"multiplier\":\"1\"}",
            "{\"unitValue\":\"0.02\",\"multiplier\":\"1\",\"effectiveFrom\":\"soon\"}",
            "{\"unitValue\":\"0.02\",\"multiplier\":\"1\",\"categoryMultiplier\":\"2\"}")) {
            expectProblem(send(put("/api/v1/platforms/platform-a/rules/value"), "k2", bad), 400, "VALIDATION_FAILED");
        }
        expectProblem(send(put("/api/v1/platforms/platform-b/rules/value"), "k2", "{\"unitValue\":\"0.02\","
            + "\"multiplier\":\"1\"}"), 403, "FORBIDDEN");
        verify(ledger, times(1)).submitAsAdmin(fn("value:SetValue"), any());
    }

    @Test
    void reversalsAreSignedAsTheOperatorForTheCallersPlatform() throws Exception {
        when(ledger.submitAsAdmin(fn("reversal:Reverse"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"originalRequestId\":\"order-7\",\"originalType\":\"CONVERT\",\"reason\":\"disputed\"}")))
            .thenReturn(committed());
        expectReceipt(postJson("/api/v1/conversions/order-7/reversal", "{\"reason\":\"disputed\"}"));
        when(ledger.submitAsAdmin(fn("reversal:Reverse"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"originalRequestId\":\"i-1\",\"originalType\":\"ISSUE\"}"))).thenReturn(committed());
        expectReceipt(send(post("/api/v1/issuances/i-1/reversal"), "k1", ""));
        when(ledger.submitAsAdmin(fn("reversal:SetWindow"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"windowSeconds\":86400}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/reversal"), "k1", "{\"windowSeconds\":86400}"));
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/reversal"), "k1", "{\"windowSeconds\":-1}"), 400,
            "VALIDATION_FAILED");
        expectProblem(send(put("/api/v1/platforms/platform-b/rules/reversal"), "k1", "{\"windowSeconds\":1}"), 403,
            "FORBIDDEN");
        expectProblem(postJson("/api/v1/burns/b-1/reversal", "{\"amount\":1}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void expiryIsSetAndRunAsTheOperatorForTheCallersPlatformAndReadAsTheUsersLots() throws Exception {
        when(ledger.submitAsAdmin(fn("expiry:SetRule"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"periodSeconds\":31536000}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/expiry"), "k1", "{\"periodSeconds\":31536000}"));
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/expiry"), "k1", "{\"periodSeconds\":-1}"), 400,
            "VALIDATION_FAILED");
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/expiry"), "k1", "{\"periodSeconds\":\"60\"}"),
            400, "VALIDATION_FAILED");
        expectProblem(send(put("/api/v1/platforms/platform-b/rules/expiry"), "k1", "{\"periodSeconds\":60}"), 403,
            "FORBIDDEN");

        when(ledger.submitAsAdmin(fn("expiry:Expire"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"userIds\":[\"platform-a.u1\",\"platform-a.u2\"]}"))).thenReturn(committed());
        expectReceipt(postJson("/api/v1/platforms/platform-a/expirations",
            "{\"userIds\":[\"platform-a.u1\",\"platform-a.u2\"]}"));
        // Without userIds the gateway names the users GetDue finds.
        when(ledger.evaluate(fn("expiry:GetDue"), json("{\"platformId\":\"platform-a\",\"limit\":100}")))
            .thenReturn("{\"platformId\":\"platform-a\",\"dueBy\":\"2026-11-23T10:00:00Z\",\"users\":"
                + "[{\"userId\":\"platform-a.u7\",\"amount\":3}]}");
        when(ledger.submitAsAdmin(fn("expiry:Expire"), json("{\"requestId\":\"k2\",\"platformId\":\"platform-a\","
            + "\"userIds\":[\"platform-a.u7\"]}"))).thenReturn(committed());
        expectReceipt(send(post("/api/v1/platforms/platform-a/expirations"), "k2", ""));
        expectProblem(postJson("/api/v1/platforms/platform-a/expirations", "{\"userIds\":[]}"), 400,
            "VALIDATION_FAILED");
        expectProblem(postJson("/api/v1/platforms/platform-a/expirations",
            "{\"userIds\":[\"platform-a.u1\",\"platform-a.u1\"]}"), 400, "VALIDATION_FAILED");
        expectProblem(postJson("/api/v1/platforms/platform-b/expirations", "{\"userIds\":[\"platform-b.u1\"]}"),
            403, "FORBIDDEN");

        when(ledger.evaluate(fn("expiry:GetLots"), json("{\"userId\":\"platform-a.u1\",\"platformId\":"
            + "\"platform-a\"}"))).thenReturn("{\"userId\":\"platform-a.u1\",\"platforms\":[]}");
        mvc.perform(get("/api/v1/users/platform-a.u1/expiry")).andExpect(status().isOk())
            .andExpect(content().json("{\"userId\":\"platform-a.u1\",\"platforms\":[]}"));
        expectProblem(mvc.perform(get("/api/v1/users/platform-b.u1/expiry")), 403, "FORBIDDEN");
    }

    @Test
    void conversionFromTheCallersPlatformWithOptionalFields() throws Exception {
        when(ledger.submit(fn("conversion:Convert"), json("{\"requestId\":\"k1\",\"userId\":\"platform-a.u1\",\"fromPlatformId\":"
            + "\"platform-a\",\"toPlatformId\":\"platform-b\",\"amount\":300,\"toUserId\":\"platform-b.u9\",\"minAmountOut\":140}")))
            .thenReturn(committed());
        expectReceipt(postJson("/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
            + "\"toPlatformId\":\"platform-b\",\"amount\":300,\"toUserId\":\"platform-b.u9\",\"minAmountOut\":140}"));
    }

    @Test
    void anEndUsersKeyIsScopedToThatUser() throws Exception {
        final String body = "{\"userId\":\"%s\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\","
            + "\"amount\":5}";
        when(ledger.submit(any(), any())).thenReturn(committed());
        mvc.perform(post("/api/v1/conversions").with(ApiTokens.user(A, "platform-a.alice")).header("Idempotency-Key",
            "order-1001").contentType(MediaType.APPLICATION_JSON).content(body.formatted("platform-a.alice")));
        mvc.perform(post("/api/v1/conversions").with(ApiTokens.user(A, "platform-a.bob")).header("Idempotency-Key",
            "order-1001").contentType(MediaType.APPLICATION_JSON).content(body.formatted("platform-a.bob")));
        send(post("/api/v1/conversions"), "order-1001", body.formatted("platform-a.alice"));

        final ArgumentCaptor<LedgerRequest> sent = ArgumentCaptor.forClass(LedgerRequest.class);
        verify(ledger, times(3)).submit(fn("conversion:Convert"), sent.capture());
        final List<String> ids = sent.getAllValues().stream()
            .map(request -> ((LedgerRequest.Convert) request).requestId()).toList();
        // The back end's key is its request id; each user's key becomes a request id of that user alone.
        assertEquals("order-1001", ids.get(2));
        assertTrue(ids.get(0).startsWith("~u") && ids.get(1).startsWith("~u"), ids.toString());
        assertEquals(3, Set.copyOf(ids).size(), ids.toString());
        assertTrue(ids.get(0).length() <= org.pointsnet.contract.Limits.MAX_ID, ids.get(0));
        assertTrue(org.pointsnet.contract.Limits.REQUEST_ID.matcher(ids.get(0)).matches(), ids.get(0));
    }

    @Test
    void rewardsOfAPlatform() throws Exception {
        when(ledger.evaluate(fn("reward:ListRewards"), json("{\"platformId\":\"platform-b\"}")))
            .thenReturn("[{\"rewardId\":\"mug\",\"stock\":3}]");
        mvc.perform(get("/api/v1/rewards").param("platformId", "platform-b")).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].rewardId").value("mug"));
    }

    @Test
    void redemptionOnTheCallersPlatform() throws Exception {
        when(ledger.submit(fn("reward:Redeem"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\","
            + "\"rewardId\":\"mug\",\"quantity\":2}"))).thenReturn(committed());
        expectReceipt(postJson("/api/v1/redemptions",
            "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-a\",\"rewardId\":\"mug\",\"quantity\":2}"));
    }

    @Test
    void rateApprovalIsSignedAsAdmin() throws Exception {
        when(ledger.submitAsAdmin(fn("conversion:ApproveRate"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"fromPlatformId\":\"platform-b\",\"toPlatformId\":\"platform-a\",\"version\":3,\"rate\":\"0.5\"}")))
            .thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-b/rules/rates/platform-a"), "k1",
            "{\"version\":3,\"rate\":\"0.5\"}"));
    }

    /** A registration body of platform-a's with {@code symbol} and {@code currency} as JSON values. */
    private static String registration(final String symbol, final String currency) {
        return "{\"name\":\"Platform PTA\",\"symbol\":" + symbol + ",\"decimals\":0,\"unitValue\":\"0.01\","
            + "\"currency\":" + currency + "}";
    }

    @Test
    void registrationOfTheCallersOwnPlatformIsSignedAsAdmin() throws Exception {
        final String body = registration("\"PTA\"", "\"CNY\"");
        when(ledger.submitAsAdmin(fn("platform:Register"),
            json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\"," + body.substring(1)))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a"), "k1", body));
        // Seed §5.1's multipliers of the point's value, optional (the chaincode's default is "1").
        final String valued = body.substring(0, body.length() - 1) + ",\"multiplier\":\"1.2\",\"categoryMultiplier\":"
            + "\"0.8\"}";
        when(ledger.submitAsAdmin(fn("platform:Register"),
            json("{\"requestId\":\"k2\",\"platformId\":\"platform-a\"," + valued.substring(1)))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a"), "k2", valued));
        expectProblem(send(put("/api/v1/platforms/platform-a"), "k3", body.substring(0, body.length() - 1)
            + ",\"multiplier\":\"-1\"}"), 400, "VALIDATION_FAILED");
    }

    /** The chaincode takes only ISO 4217 codes ([A-Z]{3}, the contract's Limits.CURRENCY): refused here already. */
    @ParameterizedTest
    @ValueSource(strings = {"\"usd\"", "\"US$\"", "\"CN\"", "\"CNYX\"", "\"C Y\"", "840", "null"})
    void aCurrencyThatIsNotThreeCapitalLettersIs400BeforeTheLedger(final String currency) throws Exception {
        expectProblem(send(put("/api/v1/platforms/platform-a"), "k1", registration("\"PTA\"", currency)), 400,
            "VALIDATION_FAILED").andExpect(jsonPath("$.detail").value(Matchers.containsString("currency")));
        verifyNoInteractions(ledger);
    }

    @Test
    void aSymbolOutsideTheChaincodesRuleIs400BeforeTheLedger() throws Exception {
        expectProblem(send(put("/api/v1/platforms/platform-a"), "k1", registration("\"P-A\"", "\"CNY\"")), 400,
            "VALIDATION_FAILED").andExpect(jsonPath("$.detail").value("symbol must match [A-Za-z0-9]{1,16}"));
        verifyNoInteractions(ledger);
    }

    @Test
    void feeRule() throws Exception {
        when(ledger.submitAsAdmin(fn("conversion:SetFeeRule"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"basisPoints\":50,\"minFee\":0,\"maxFee\":1000}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/fee"), "k1",
            "{\"basisPoints\":50,\"minFee\":0,\"maxFee\":1000}"));
    }

    @Test
    void limits() throws Exception {
        when(ledger.submitAsAdmin(fn("conversion:SetLimits"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"maxPerTransaction\":500,\"pairDailyLimits\":[{\"toPlatformId\":\"platform-b\",\"dailyLimit\":9000}]}")))
            .thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rules/limits"), "k1",
            "{\"maxPerTransaction\":500,\"pairDailyLimits\":[{\"toPlatformId\":\"platform-b\",\"dailyLimit\":9000}]}"));
    }

    @Test
    void putReward() throws Exception {
        when(ledger.submitAsAdmin(fn("reward:PutReward"), json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\","
            + "\"rewardId\":\"mug\",\"name\":\"Mug ☕\",\"points\":500,\"stock\":20,\"perUserLimit\":1,"
            + "\"activeFrom\":\"2026-01-01T00:00:00Z\"}"))).thenReturn(committed());
        expectReceipt(send(put("/api/v1/platforms/platform-a/rewards/mug"), "k1",
            "{\"name\":\"Mug ☕\",\"points\":500,\"stock\":20,\"perUserLimit\":1,"
                + "\"activeFrom\":\"2026-01-01T00:00:00Z\"}"));
    }

    @Test
    void settlementPeriod() throws Exception {
        when(ledger.evaluate(fn("settlement:GetPeriod"), json("{\"period\":\"2026-11-22\"}")))
            .thenReturn("{\"period\":\"2026-11-22\",\"closedBy\":[],\"obligations\":[],\"netPositions\":[]}");
        mvc.perform(get("/api/v1/settlements/2026-11-22")).andExpect(status().isOk())
            .andExpect(jsonPath("$.period").value("2026-11-22"));
    }

    @Test
    void closePeriodOnTheCallersSide() throws Exception {
        when(ledger.submitAsAdmin(fn("settlement:ClosePeriod"),
            json("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"period\":\"2026-11\"}"))).thenReturn(committed());
        expectReceipt(send(post("/api/v1/settlements/2026-11/close"), "k1", ""));
    }

    @Test
    void storeTheStatementOverTheConversionsTheLedgerNets() throws Exception {
        when(ledger.evaluate(fn("settlement:GetPeriod"), json("{\"period\":\"2026-11-22\"}")))
            .thenReturn("{\"period\":\"2026-11-22\",\"conversions\":[{\"txId\":\"t1\",\"debtorPlatformId\":"
                + "\"platform-a\",\"creditorPlatformId\":\"platform-b\"}]}");
        when(ledger.submitAsAdmin(fn("settlement:StoreStatement"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"period\":\"2026-11-22\",\"conversions\":[{\"txId\":\"t1\",\"debtorPlatformId\":"
            + "\"platform-a\",\"creditorPlatformId\":\"platform-b\"}]}"))).thenReturn(committed());
        expectReceipt(send(post("/api/v1/settlements/2026-11-22/statement"), "k1", ""));
    }

    @Test
    void confirmAPaymentOnTheCallersSide() throws Exception {
        when(ledger.submitAsAdmin(fn("settlement:Confirm"), json("{\"requestId\":\"k1\",\"platformId\":"
            + "\"platform-a\",\"period\":\"2026-11-22\",\"counterpartyPlatformId\":\"platform-b\","
            + "\"currency\":\"CNY\",\"amount\":\"1.25\"}"))).thenReturn(committed());
        expectReceipt(send(post("/api/v1/settlements/2026-11-22/confirmations"), "k1",
            "{\"counterpartyPlatformId\":\"platform-b\",\"currency\":\"CNY\",\"amount\":\"1.25\"}"));
    }

    // ---- malformed input: 400 and the ledger is never called ---------------------------------------------------

    static Stream<String> badIssuances() {
        return Stream.of(
            "", "   ", "null", "[]", "42", "\"text\"", "{", "{\"userId\":\"platform-a.u1\",\"amount\":100", "{}x",
            "{\"userId\":\"platform-a.u1\",\"amount\":100} {}",
            "{\"userId\":\"platform-a.u1\"}",
            "{\"amount\":100}",
            "{\"userId\":\"platform-a.u1\",\"amount\":null}",
            "{\"userId\":\"platform-a.u1\",\"amount\":\"100\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100.5}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100.0}",
            "{\"userId\":\"platform-a.u1\",\"amount\":1e3}",
            "{\"userId\":\"platform-a.u1\",\"amount\":-5}",
            "{\"userId\":\"platform-a.u1\",\"amount\":0}",
            "{\"userId\":\"platform-a.u1\",\"amount\":-0}",
            "{\"userId\":\"platform-a.u1\",\"amount\":1000000000000001}",
            "{\"userId\":\"platform-a.u1\",\"amount\":9223372036854775808}",
            "{\"userId\":\"platform-a.u1\",\"amount\":99999999999999999999999999999999999999}",
            "{\"userId\":\"platform-a.u1\",\"amount\":" + "9".repeat(2000) + "}",
            "{\"userId\":\"platform-a.u1\",\"amount\":true}",
            "{\"userId\":\"platform-a.u1\",\"amount\":[100]}",
            "{\"userId\":\"platform-a.u1\",\"amount\":{\"value\":100}}",
            "{\"userId\":\"platform-a.u1\",\"amount\":NaN}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"platformId\":\"platform-b\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"extra\":1}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"amount\":200}",
            "{\"userId\":5,\"amount\":100}",
            "{\"userId\":\"\",\"amount\":100}",
            "{\"userId\":\"" + "u".repeat(65) + "\",\"amount\":100}",
            "{\"userId\":\"u 1\",\"amount\":100}",
            "{\"userId\":\"u\\u0000\",\"amount\":100}",
            "{\"userId\":\"u\\n\",\"amount\":100}",
            "{\"userId\":\"u\\u202e1\",\"amount\":100}",
            "{\"userId\":\"\u00fc\",\"amount\":100}",
            "{\"userId\":\"\\ud83d\\ude00\",\"amount\":100}",
            "{\"userId\":\"\\ud800\",\"amount\":100}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"bell\\u0007\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"rtl\\u202eoverride\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"zero\\u200bwidth\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":\"" + "r".repeat(129) + "\"}",
            "{\"userId\":\"platform-a.u1\",\"amount\":100,\"reason\":7}");
    }

    @ParameterizedTest
    @MethodSource("badIssuances")
    void malformedIssuanceIs400AndNeverReachesTheLedger(final String body) throws Exception {
        expectProblem(postJson("/api/v1/issuances", body), 400, "VALIDATION_FAILED");
        verifyNoInteractions(ledger);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " lead", "trail ", "tab\there", "nul\u0000", "\u00e9t\u00e9",
        "12345678901234567890123456789012345678901234567890123456789012345", "~reserved", "~u"})
    void invalidIdempotencyKeyIs400(final String key) throws Exception {
        expectProblem(send(post("/api/v1/issuances"), key, "{\"userId\":\"platform-a.u1\",\"amount\":100}"), 400,
            "VALIDATION_FAILED");
        verifyNoInteractions(ledger);
    }

    @Test
    void everyWriteNeedsAnIdempotencyKey() throws Exception {
        final String[][] writes = {
            {"POST", "/api/v1/users", "{\"platformUserId\":\"alice\"}"},
            {"POST", "/api/v1/issuances", "{\"userId\":\"platform-a.u1\",\"amount\":1}"},
            {"POST", "/api/v1/burns", "{\"userId\":\"platform-a.u1\",\"amount\":1}"},
            {"POST", "/api/v1/transfers", "{\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-a.u2\","
                + "\"amount\":1}"},
            {"POST", "/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-b\",\"amount\":1}"},
            {"POST", "/api/v1/redemptions", "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-a\",\"rewardId\":\"m\","
                + "\"quantity\":1}"},
            {"POST", "/api/v1/settlements/2026-11/close", ""},
            {"PUT", "/api/v1/platforms/platform-a/rules/fee", "{\"basisPoints\":1,\"minFee\":0,\"maxFee\":1}"},
            {"PUT", "/api/v1/platforms/platform-a/rules/limits", "{}"},
            {"PUT", "/api/v1/platforms/platform-a/rules/rates/platform-b", "{\"version\":1,\"rate\":\"1\"}"},
            {"PUT", "/api/v1/platforms/platform-a/rewards/m", "{\"name\":\"M\",\"points\":1,\"stock\":1}"},
        };
        for (final String[] write : writes) {
            final MockHttpServletRequestBuilder request = "POST".equals(write[0]) ? post(write[1]) : put(write[1]);
            expectProblem(send(request, null, write[2]), 400, "VALIDATION_FAILED");
        }
        verifyNoInteractions(ledger);
    }

    @Test
    void oneMebibyteBodyIsRefusedBeforeParsing() throws Exception {
        final String body = "{\"userId\":\"platform-a.u1\",\"amount\":1,\"reason\":\"" + "x".repeat(1024 * 1024) + "\"}";
        expectProblem(postJson("/api/v1/issuances", body), 400, "VALIDATION_FAILED");
        verifyNoInteractions(ledger);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
            Arguments.of("POST", "/api/v1/transfers", "{\"platformId\":\"Platform-A\",\"fromUserId\":\"platform-a.u1\","
                + "\"toUserId\":\"platform-a.u2\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/transfers", "{\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\","
                + "\"toUserId\":\"platform-a.u1\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-a\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-b\",\"amount\":1,\"minAmountOut\":0}"),
            Arguments.of("POST", "/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"p\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/redemptions", "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-a\","
                + "\"rewardId\":\"m\",\"quantity\":1000001}"),
            Arguments.of("POST", "/api/v1/users", "{\"platformUserId\":\"\"}"),
            Arguments.of("POST", "/api/v1/users", "{\"platformUserId\":\"a\\u0000b\"}"),
            Arguments.of("POST", "/api/v1/users", "{\"platformUserId\":\"alice\",\"platformId\":\"platform-b\"}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rules/fee", "{\"basisPoints\":10001,\"minFee\":0,"
                + "\"maxFee\":1}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rules/fee", "{\"basisPoints\":1,\"minFee\":5,"
                + "\"maxFee\":1}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rules/rates/platform-b", "{\"version\":1,\"rate\":0.5}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rules/rates/platform-b", "{\"version\":1,\"rate\":\"-1\"}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rules/limits", "{\"pairDailyLimits\":[{\"toPlatformId\":"
                + "\"platform-b\",\"dailyLimit\":1,\"x\":1}]}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rewards/m", "{\"name\":\"M\",\"points\":1,\"stock\":-1}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rewards/m", "{\"name\":\"M\",\"points\":1,\"stock\":1,"
                + "\"activeFrom\":\"2026-02-01T00:00:00Z\",\"activeUntil\":\"2026-01-01T00:00:00Z\"}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-a/rewards/m", "{\"name\":\"M\",\"points\":1,\"stock\":1,"
                + "\"activeFrom\":\"yesterday\"}"),
            Arguments.of("POST", "/api/v1/settlements/2026-13/close", ""),
            Arguments.of("POST", "/api/v1/settlements/2026-11/close", "{\"x\":1}"),
            Arguments.of("POST", "/api/v1/settlements/2026-11/statement", "{\"x\":1}"),
            Arguments.of("POST", "/api/v1/settlements/2026-11/confirmations", "{\"counterpartyPlatformId\":\"platform-b\","
                + "\"currency\":\"CNY\",\"amount\":\"-1\"}"),
            Arguments.of("POST", "/api/v1/settlements/2026-11/confirmations", "{\"counterpartyPlatformId\":\"platform-b\","
                + "\"currency\":\"cny\",\"amount\":\"1\"}"),
            Arguments.of("POST", "/api/v1/settlements/2026-11/confirmations", "{\"currency\":\"CNY\",\"amount\":\"1\"}"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void malformedWritesAre400(final String method, final String path, final String body) throws Exception {
        expectProblem(send("POST".equals(method) ? post(path) : put(path), "k1", body), 400, "VALIDATION_FAILED");
        verifyNoInteractions(ledger);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/users/u%20x/balances",
        "/api/v1/users/%C3%BC/balances",
        "/api/v1/users/u%00/balances",
        "/api/v1/users/platform-a.u1/history?limit=0",
        "/api/v1/users/platform-a.u1/history?limit=201",
        "/api/v1/users/platform-a.u1/history?limit=1.5",
        "/api/v1/users/platform-a.u1/history?limit=-1",
        "/api/v1/users/platform-a.u1/history?cursor=%E2%80%AE",
        "/api/v1/quotes?from=platform-a&to=platform-b",
        "/api/v1/quotes?from=platform-a&to=platform-b&amount=0",
        "/api/v1/quotes?from=platform-a&to=platform-b&amount=1.5",
        "/api/v1/quotes?from=platform-a&to=platform-b&amount=-3",
        "/api/v1/quotes?from=platform-a&to=platform-b&amount=1000000000000001",
        "/api/v1/quotes?from=platform-a&to=platform-b&amount=99999999999999999999999",
        "/api/v1/quotes?from=PLATFORM&to=platform-b&amount=1",
        "/api/v1/rewards",
        "/api/v1/rewards?platformId=a",
        "/api/v1/settlements/2026-1-1",
    })
    void malformedQueriesAre400(final String uri) throws Exception {
        expectProblem(mvc.perform(get(java.net.URI.create(uri))), 400, "VALIDATION_FAILED");
        verifyNoInteractions(ledger);
    }

    // ---- a platform acts only for itself -----------------------------------------------------------------------

    static Stream<Arguments> foreignPlatform() {
        return Stream.of(
            Arguments.of("POST", "/api/v1/transfers", "{\"platformId\":\"platform-b\",\"fromUserId\":\"platform-a.u1\","
                + "\"toUserId\":\"platform-a.u2\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-b\","
                + "\"toPlatformId\":\"platform-a\",\"amount\":1}"),
            Arguments.of("POST", "/api/v1/redemptions", "{\"userId\":\"platform-a.u1\",\"platformId\":\"platform-b\","
                + "\"rewardId\":\"m\",\"quantity\":1}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-b/rules/fee", "{\"basisPoints\":1,\"minFee\":0,"
                + "\"maxFee\":1}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-b/rules/limits", "{}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-b/rules/rates/platform-c", "{\"version\":1,\"rate\":\"1\"}"),
            Arguments.of("PUT", "/api/v1/platforms/platform-b/rewards/m", "{\"name\":\"M\",\"points\":1,\"stock\":1}"));
    }

    @ParameterizedTest
    @MethodSource("foreignPlatform")
    void anotherPlatformsDataIs403BeforeTheLedger(final String method, final String path, final String body)
        throws Exception {
        expectProblem(send("POST".equals(method) ? post(path) : put(path), "k1", body), 403, "FORBIDDEN");
        verifyNoInteractions(ledger);
    }

    // ---- chaincode and Fabric failures -------------------------------------------------------------------------

    static Stream<Arguments> chaincodeCodes() {
        return Stream.of(
            Arguments.of("VALIDATION_FAILED", 400), Arguments.of("FORBIDDEN", 403), Arguments.of("NOT_FOUND", 404),
            Arguments.of("USER_NOT_FOUND", 404), Arguments.of("IDEMPOTENCY_KEY_REUSED", 409), Arguments.of("INSUFFICIENT_BALANCE", 422),
            Arguments.of("LIMIT_EXCEEDED", 422), Arguments.of("RATE_NOT_FOUND", 422), Arguments.of("SLIPPAGE", 422),
            Arguments.of("QUOTE_EXPIRED", 409), Arguments.of("RULES_CHANGED", 409),
            Arguments.of("REWARD_UNAVAILABLE", 422), Arguments.of("PLATFORM_SUSPENDED", 422));
    }

    @ParameterizedTest
    @MethodSource("chaincodeCodes")
    void chaincodeCodesKeepTheirCodeAndGetTheirStatus(final String code, final int status) throws Exception {
        when(ledger.submit(any(), any()))
            .thenThrow(new ChaincodeRejectedException(code, "detail for " + code, "tx1", null));
        expectProblem(postJson("/api/v1/conversions", "{\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\","
            + "\"toPlatformId\":\"platform-b\",\"amount\":1}"), status, code)
            .andExpect(jsonPath("$.detail").value("detail for " + code));
    }

    @Test
    void unreachableLedgerIs503() throws Exception {
        when(ledger.evaluate(any(), any()))
            .thenThrow(new LedgerUnavailableException("peer0.platform-a:7051 UNAVAILABLE", null, false, null));
        expectProblem(mvc.perform(get("/api/v1/users/platform-a.u1/balances")), 503, "LEDGER_UNAVAILABLE")
            .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("peer0"))));
    }

    @Test
    void adminFunctionsWithoutAnAdminIdentityAre503() throws Exception {
        when(ledger.submitAsAdmin(any(), any())).thenThrow(new AdminIdentityMissingException());
        expectProblem(send(put("/api/v1/platforms/platform-a/rules/fee"), "k1",
            "{\"basisPoints\":1,\"minFee\":0,\"maxFee\":1}"), 503, "LEDGER_UNAVAILABLE");
        verify(ledger).submitAsAdmin(any(), any());
    }

    @Test
    void userIdsWithoutAKeyAre503() {
        final var e = org.junit.jupiter.api.Assertions.assertThrows(
            org.pointsnet.gateway.web.ApiRequestException.class, () -> new UserIds("").userId(A, "alice"));
        org.junit.jupiter.api.Assertions.assertEquals(503, e.code().status().value());
    }
}
