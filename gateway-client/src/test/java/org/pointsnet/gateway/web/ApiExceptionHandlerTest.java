package org.pointsnet.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;
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
}
