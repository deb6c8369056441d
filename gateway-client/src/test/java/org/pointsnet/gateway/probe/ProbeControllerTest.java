package org.pointsnet.gateway.probe;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.pointsnet.gateway.security.ApiScopes;
import org.pointsnet.gateway.security.ApiTokens;
import org.pointsnet.gateway.security.ResourceServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;

@WebMvcTest(controllers = ProbeController.class, properties = "pointsnet.probe.enabled=true")
@Import({EventRing.class, ResourceServerConfiguration.class})
class ProbeControllerTest {

    @Autowired
    WebApplicationContext context;

    /** Every request carries a token with platform.admin, the probe's scope, unless a test says otherwise. */
    MockMvc mvc;

    @Autowired
    EventRing ring;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    ValueLedger ledger;

    @BeforeEach
    void adminToken() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
            .defaultRequest(get("/").with(ApiTokens.backend("platform-a", ApiScopes.PLATFORM_ADMIN))).build();
    }

    @Test
    void withoutATokenTheProbeIs401AndWithoutTheAdminScope403() throws Exception {
        final MockMvc plain = MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        expectProblem(plain.perform(get("/api/v1/probe/events")), 401, "UNAUTHENTICATED");
        expectProblem(plain.perform(post("/api/v1/probe/values").contentType(MediaType.APPLICATION_JSON)
            .content("{\"key\":\"k\",\"value\":\"v\"}")), 401, "UNAUTHENTICATED");
        expectProblem(plain.perform(get("/api/v1/probe/events").with(ApiTokens.backend("platform-a",
            ApiScopes.POINTS_READ, ApiScopes.POINTS_ISSUE))), 403, "FORBIDDEN");
        verify(ledger, never()).putValue(any(), any());
    }

    private ResultActions postValue(final String body) throws Exception {
        return mvc.perform(post("/api/v1/probe/values").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void expectProblem(final ResultActions result, final int status, final String code)
        throws Exception {
        result.andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(status))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.type").value(Matchers.startsWith("urn:pointsnet:problem:")))
            .andExpect(jsonPath("$.title").isString())
            .andExpect(jsonPath("$.detail").isString())
            .andExpect(jsonPath("$.trace").doesNotExist())
            .andExpect(jsonPath("$.exception").doesNotExist());
    }

    @Test
    void putValueAnswersWithTheCommittedTransaction() throws Exception {
        when(ledger.putValue("hello", "world"))
            .thenReturn(new CommittedWrite("tx-1", 5, "VALID", "hello", "world"));

        postValue("{\"key\":\"hello\",\"value\":\"world\"}")
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.txId").value("tx-1"))
            .andExpect(jsonPath("$.blockNumber").value(5))
            .andExpect(jsonPath("$.validationCode").value("VALID"))
            .andExpect(jsonPath("$.key").value("hello"))
            .andExpect(jsonPath("$.value").value("world"));
    }

    @Test
    void malformedJsonIsValidationFailed() throws Exception {
        expectProblem(postValue("{\"key\":\"hello\",\"value\":"), 400, "VALIDATION_FAILED");
        verify(ledger, never()).putValue(any(), any());
    }

    @Test
    void malformedJsonDetailDoesNotQuoteTheParser() throws Exception {
        postValue("{\"key\": tru}")
            .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("jackson"))))
            .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("line"))));
    }

    @Test
    void missingFieldIsValidationFailedNamingTheField() throws Exception {
        expectProblem(postValue("{\"key\":\"hello\"}"), 400, "VALIDATION_FAILED");
        postValue("{\"key\":\"hello\"}").andExpect(jsonPath("$.detail").value("value: is required"));
        verify(ledger, never()).putValue(any(), any());
    }

    @Test
    void emptyBodyIsValidationFailed() throws Exception {
        expectProblem(postValue(""), 400, "VALIDATION_FAILED");
    }

    @Test
    void wrongContentTypeIs415Problem() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/probe/values").contentType(MediaType.TEXT_PLAIN).content("x")),
            415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void chaincodeValidationFailureIs400WithTheChaincodesDetail() throws Exception {
        when(ledger.putValue("bad key!", "v")).thenThrow(new ChaincodeRejectedException("VALIDATION_FAILED",
            "key 'bad key!' must be 1..64 characters of [A-Za-z0-9._-]", "tx-2", null));

        expectProblem(postValue("{\"key\":\"bad key!\",\"value\":\"v\"}"), 400, "VALIDATION_FAILED");
        postValue("{\"key\":\"bad key!\",\"value\":\"v\"}")
            .andExpect(jsonPath("$.detail").value("key 'bad key!' must be 1..64 characters of [A-Za-z0-9._-]"));
    }

    @Test
    void invalidCommitIsAProblemWithTheValidationCode() throws Exception {
        when(ledger.putValue("k", "v")).thenThrow(new TransactionInvalidException("tx-3", "MVCC_READ_CONFLICT", 9));

        expectProblem(postValue("{\"key\":\"k\",\"value\":\"v\"}"), 409, "TRANSACTION_CONFLICT");
        postValue("{\"key\":\"k\",\"value\":\"v\"}").andExpect(jsonPath("$.validationCode").value("MVCC_READ_CONFLICT"));
    }

    @Test
    void unreachableLedgerIs503WithoutInternals() throws Exception {
        when(ledger.putValue("k", "v")).thenThrow(new LedgerUnavailableException(
            "probe:PutValue failed: UNAVAILABLE io exception [PlatformAMSP@peer0.platform-a.pointsnet.local:7051]",
            "tx-5", false, null));

        expectProblem(postValue("{\"key\":\"k\",\"value\":\"v\"}"), 503, "LEDGER_UNAVAILABLE");
        postValue("{\"key\":\"k\",\"value\":\"v\"}")
            .andExpect(content().string(Matchers.not(Matchers.containsString("peer0"))))
            .andExpect(content().string(Matchers.not(Matchers.containsString("7051"))))
            .andExpect(content().string(Matchers.not(Matchers.containsString("io exception"))))
            .andExpect(jsonPath("$.txId").doesNotExist());
    }

    @Test
    void unknownCommitOutcomeIs503WithTheTransactionId() throws Exception {
        when(ledger.putValue("k", "v")).thenThrow(new LedgerUnavailableException(
            "probe:PutValue failed: DEADLINE_EXCEEDED", "tx-6", true, null));

        expectProblem(postValue("{\"key\":\"k\",\"value\":\"v\"}"), 503, "LEDGER_UNAVAILABLE");
        postValue("{\"key\":\"k\",\"value\":\"v\"}").andExpect(jsonPath("$.txId").value("tx-6"));
    }

    @Test
    void getValueReturnsTheStoredValue() throws Exception {
        when(ledger.getValue("hello")).thenReturn(new StoredValue("hello", "world"));

        mvc.perform(get("/api/v1/probe/values/hello"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.key").value("hello"))
            .andExpect(jsonPath("$.value").value("world"));
    }

    @Test
    void getValueOfAMissingKeyIs404() throws Exception {
        when(ledger.getValue("nope")).thenThrow(
            new ChaincodeRejectedException("NOT_FOUND", "key 'nope' has no value", null, null));

        expectProblem(mvc.perform(get("/api/v1/probe/values/nope")), 404, "NOT_FOUND");
    }

    @Test
    void ledgerFailureIs502WithAGenericDetail() throws Exception {
        when(ledger.getValue("k")).thenThrow(new LedgerFailureException("chaincode stream terminated", null, null));

        expectProblem(mvc.perform(get("/api/v1/probe/values/k")), 502, "LEDGER_ERROR");
        mvc.perform(get("/api/v1/probe/values/k"))
            .andExpect(content().string(Matchers.not(Matchers.containsString("stream terminated"))));
    }

    @Test
    void problemJsonEvenWhenTheClientAsksForJson() throws Exception {
        when(ledger.getValue("nope")).thenThrow(
            new ChaincodeRejectedException("NOT_FOUND", "key 'nope' has no value", null, null));

        expectProblem(mvc.perform(get("/api/v1/probe/values/nope").accept(MediaType.APPLICATION_JSON)),
            404, "NOT_FOUND");
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/probe/nothing-here")), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        expectProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .delete("/api/v1/probe/values/k")), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void eventsAreListedOldestFirstWithParsedPayload() throws Exception {
        ring.add(new ChaincodeEventRecord(5, "tx-1", "ValueWritten",
            JsonNodeFactory.instance.objectNode().put("key", "a").put("value", "1")));
        ring.add(new ChaincodeEventRecord(6, "tx-2", "ValueWritten",
            JsonNodeFactory.instance.objectNode().put("key", "b").put("value", "2")));

        mvc.perform(get("/api/v1/probe/events"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].blockNumber").value(5))
            .andExpect(jsonPath("$[0].txId").value("tx-1"))
            .andExpect(jsonPath("$[0].eventName").value("ValueWritten"))
            .andExpect(jsonPath("$[0].payload.key").value("a"))
            .andExpect(jsonPath("$[1].payload.value").value("2"));
    }
}
