package org.pointsnet.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.DiscoveryView;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.fabric.PlatformAvailability;
import org.pointsnet.gateway.fabric.PlatformUnavailableException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

class ApiExceptionHandlerTest {

    @Test
    void validationFailedFromTheChaincodeIs400WithCode() {
        final var e = new ChaincodeRejectedException("VALIDATION_FAILED", "key 'bad key!' must be 1..64", "tx1", null);

        final ProblemDetail problem = ApiExceptionHandler.problemFor(e);

        assertEquals(400, problem.getStatus());
        assertEquals("VALIDATION_FAILED", problem.getProperties().get("code"));
        assertEquals("key 'bad key!' must be 1..64", problem.getDetail());
        assertEquals("Validation failed", problem.getTitle());
        assertEquals(URI.create("urn:pointsnet:problem:validation-failed"), problem.getType());
    }

    @Test
    void notFoundFromTheChaincodeIs404() {
        final var problem = ApiExceptionHandler.problemFor(
            new ChaincodeRejectedException("NOT_FOUND", "key 'k' has no value", null, null));

        assertEquals(404, problem.getStatus());
        assertEquals("NOT_FOUND", problem.getProperties().get("code"));
    }

    @Test
    void unmappedChaincodeCodeIs422AndKeepsTheChaincodesCode() {
        final var problem = ApiExceptionHandler.problemFor(
            new ChaincodeRejectedException("INSUFFICIENT_POINTS", "balance 3 < 5", null, null));

        assertEquals(422, problem.getStatus());
        assertEquals("INSUFFICIENT_POINTS", problem.getProperties().get("code"));
    }

    @Test
    void everyContractCodeIsAnsweredUnderItsOwnNameWithItsOwnStatus() {
        for (final org.pointsnet.contract.ErrorCode code : org.pointsnet.contract.ErrorCode.values()) {
            final var problem = ApiExceptionHandler.problemFor(new ChaincodeRejectedException(code, "d", null, null));

            assertEquals(code.name(), problem.getProperties().get("code"));
            assertEquals(ErrorCode.valueOf(code.name()).status().value(), problem.getStatus());
            assertEquals("d", problem.getDetail());
        }
    }

    @Test
    void readConflictIs409WithTheValidationCode() {
        final var problem = ApiExceptionHandler.problemFor(
            new TransactionInvalidException("tx3", "MVCC_READ_CONFLICT", 7));

        assertEquals(409, problem.getStatus());
        assertEquals("TRANSACTION_CONFLICT", problem.getProperties().get("code"));
        assertEquals("MVCC_READ_CONFLICT", problem.getProperties().get("validationCode"));
        assertEquals("tx3", problem.getProperties().get("txId"));
    }

    @Test
    void otherInvalidCommitIs502() {
        final var problem = ApiExceptionHandler.problemFor(
            new TransactionInvalidException("tx4", "ENDORSEMENT_POLICY_FAILURE", 8));

        assertEquals(502, problem.getStatus());
        assertEquals("TRANSACTION_INVALID", problem.getProperties().get("code"));
        assertEquals("ENDORSEMENT_POLICY_FAILURE", problem.getProperties().get("validationCode"));
    }

    @Test
    void responsesAreProblemJson() {
        final var response = Problems.response(Problems.of(ErrorCode.LEDGER_UNAVAILABLE, "later"));

        assertEquals(503, response.getStatusCode().value());
        assertEquals(MediaType.APPLICATION_PROBLEM_JSON, response.getHeaders().getContentType());
        assertInstanceOf(ProblemDetail.class, response.getBody());
    }

    @Test
    void springStatusesGetCodes() {
        assertEquals(ErrorCode.VALIDATION_FAILED, ErrorCode.forStatus(400));
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.forStatus(404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.forStatus(405));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.forStatus(415));
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(500));
    }

    @Test
    void anUnreachablePlatformIs503NamingItWithRetryAfter() {
        final var availability = new PlatformAvailability(Map.of("PlatformBMSP", List.of("platform-b")),
            () -> new DiscoveryView(Map.of("PlatformAMSP", List.of("a:7051")), List.of()), Clock.systemUTC());
        final var handler = new ApiExceptionHandler(new StaticListableBeanFactory(Map.of("p", availability))
            .getBeanProvider(PlatformAvailability.class));

        final var response = handler.platformUnavailable(
            new PlatformUnavailableException("log only", "tx1", List.of("PlatformBMSP"), null));

        assertEquals(503, response.getStatusCode().value());
        assertEquals("5", response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertEquals(MediaType.APPLICATION_PROBLEM_JSON, response.getHeaders().getContentType());
        final ProblemDetail problem = assertInstanceOf(ProblemDetail.class, response.getBody());
        assertEquals("PLATFORM_UNAVAILABLE", problem.getProperties().get("code"));
        assertEquals("platform-b", problem.getProperties().get("platformId"));
        assertEquals(List.of("platform-b"), problem.getProperties().get("platformIds"));
        assertEquals(URI.create("urn:pointsnet:problem:platform-unavailable"), problem.getType());

        // Fabric named no org: discovery says whose peers are missing.
        final var unnamed = handler.platformUnavailable(new PlatformUnavailableException("x", "tx2", List.of(), null));
        assertEquals("platform-b", ((ProblemDetail) unnamed.getBody()).getProperties().get("platformId"));
    }

    @Test
    void withoutAnyWayToNameThePlatformTheAnswerIsStill503WithRetryAfter() {
        final var handler = new ApiExceptionHandler(new StaticListableBeanFactory()
            .getBeanProvider(PlatformAvailability.class));

        final var response = handler.platformUnavailable(new PlatformUnavailableException("x", "tx", List.of(), null));

        assertEquals(503, response.getStatusCode().value());
        assertEquals("5", response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        final ProblemDetail problem = (ProblemDetail) response.getBody();
        assertEquals("PLATFORM_UNAVAILABLE", problem.getProperties().get("code"));
        assertFalse(problem.getProperties().containsKey("platformId"));
    }

    @Test
    void anUnreachableLedgerWithNothingSubmittedSaysWhenToRetry() {
        final var handler = new ApiExceptionHandler(new StaticListableBeanFactory()
            .getBeanProvider(PlatformAvailability.class));

        final var response = handler.ledgerUnavailable(new LedgerUnavailableException("x", null, false, null));

        assertEquals(503, response.getStatusCode().value());
        assertEquals("5", response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }
}
