package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Test;

class FabricErrorsTest {

    @Test
    void endorsementDetailWithACodeIsAChaincodeRejection() {
        final var e = new EndorseException("tx1", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "chaincode response 500, VALIDATION_FAILED: key 'bad key!' must be 1..64 characters of [A-Za-z0-9._-]"));

        final LedgerException translated = FabricErrors.translate("probe:PutValue", "tx1", e);

        final ChaincodeRejectedException rejected = assertInstanceOf(ChaincodeRejectedException.class, translated);
        assertEquals("VALIDATION_FAILED", rejected.code());
        assertEquals("key 'bad key!' must be 1..64 characters of [A-Za-z0-9._-]", rejected.detail());
        assertEquals("tx1", rejected.transactionId());
    }

    @Test
    void evaluateErrorCarriesTheCodeInTheStatusDescription() {
        final var e = new GatewayException(GatewayErrors.withDetails(Status.Code.UNKNOWN,
            "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: key 'k' has no value"));

        final var rejected = assertInstanceOf(ChaincodeRejectedException.class,
            FabricErrors.translate("probe:GetValue", null, e));

        assertEquals("NOT_FOUND", rejected.code());
    }

    @Test
    void unreachablePeerIsUnavailable() {
        final var e = new GatewayException(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());

        final var unavailable = assertInstanceOf(LedgerUnavailableException.class,
            FabricErrors.translate("probe:GetValue", null, e));
        assertFalse(unavailable.outcomeUnknown());
    }

    @Test
    void endorsementThatCannotReachThePeerChangedNothing() {
        final var e = new EndorseException("tx8", Status.UNAVAILABLE.asRuntimeException());

        final var unavailable = assertInstanceOf(LedgerUnavailableException.class,
            FabricErrors.translate("probe:PutValue", "tx8", e));
        assertFalse(unavailable.outcomeUnknown());
    }

    @Test
    void unknownCommitStatusIsUnavailableWithTheTransactionId() {
        final var e = new CommitStatusException("tx9", Status.DEADLINE_EXCEEDED.asRuntimeException());

        final var unavailable = assertInstanceOf(LedgerUnavailableException.class,
            FabricErrors.translate("probe:PutValue", "tx9", e));
        assertEquals("tx9", unavailable.transactionId());
        assertTrue(unavailable.outcomeUnknown());
    }

    @Test
    void chaincodeFailureWithoutACodeIsALedgerFailure() {
        final var e = new EndorseException("tx2", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "chaincode response 500, You've asked to invoke a function that does not exist: probe:Nope"));

        assertInstanceOf(LedgerFailureException.class, FabricErrors.translate("probe:Nope", "tx2", e));
    }
}
