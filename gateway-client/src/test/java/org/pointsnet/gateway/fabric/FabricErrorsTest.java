package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.List;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
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

    /**
     * The peer's gateway sent the transaction to an orderer that left the channel (its list of orderers was older than
     * the channel's config): the orderer refused before ordering, so nothing changed and a retry may succeed.
     */
    @Test
    void anOrdererThatLeftTheChannelRefusedBeforeOrderingSoNothingChanged() {
        final var e = new SubmitException("tx7", Status.ABORTED.withDescription(
            "received unsuccessful response from orderer: status=BAD_REQUEST, info=channel does not exist")
            .asRuntimeException());

        final var unavailable = assertInstanceOf(LedgerUnavailableException.class,
            FabricErrors.translate("account:Issue", "tx7", e));
        assertFalse(unavailable.outcomeUnknown());
    }

    /** Any other refusal by the orderer (a bad transaction) is not retryable. */
    @Test
    void anotherOrdererRefusalIsALedgerFailure() {
        final var e = new SubmitException("tx6", Status.ABORTED.withDescription(
            "received unsuccessful response from orderer: status=BAD_REQUEST, info=bad envelope")
            .asRuntimeException());

        assertInstanceOf(LedgerFailureException.class, FabricErrors.translate("account:Issue", "tx6", e));
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

    // The messages below are Fabric 3.1.5's, copied from a gateway log of the fault tests.

    @Test
    void aChaincodeServerThatRefusesConnectionsMakesItsPlatformUnavailable() {
        final var e = new EndorseException("tx3", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "error in simulation: failed to execute transaction 3f: could not launch chaincode points_1.0_platform-c:9a:"
                + " chaincode registration failed: connection to points_1.0_platform-c:9a failed: error cannot create "
                + "connection for points_1.0_platform-c:9a: error creating grpc connection to 127.0.0.1:9054: failed to "
                + "create new connection: connection error: desc = \"transport: error while dialing: dial tcp "
                + "127.0.0.1:9054: connect: connection refused\""));

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("account:Transfer", "tx3", e));
        assertEquals(List.of("PlatformAMSP"), unavailable.mspIds());
        assertEquals("tx3", unavailable.transactionId());
    }

    @Test
    void aChaincodeStreamCutMidTransactionIsAnOutageToo() {
        final var e = new EndorseException("tx4", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "error in simulation: failed to execute transaction 3f: error sending: chaincode stream terminated"));

        assertInstanceOf(PlatformUnavailableException.class, FabricErrors.translate("account:Transfer", "tx4", e));
    }

    @Test
    void aSendOnAChaincodeStreamThatBrokeMidTransactionIsAnOutageToo() {
        final var e = new EndorseException("tx5", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "error in simulation: transaction returned with failure: [cffaea4e] error sending TRANSACTION: EOF"));

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("account:Transfer", "tx5", e));
        assertEquals("tx5", unavailable.transactionId());
    }

    @Test
    void anEndorsementCancelledBecauseItsPeerConnectionClosedNamesThatPeersOrg() {
        // PeerCrashEndToEndIT in CI: the gateway of platform-a's peer dropped its connection to platform-b's killed peer.
        final var e = new EndorseException("tx7", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to collect enough transaction endorsements, see attached details for more info",
            "chaincode response 500, something else went wrong",
            "rpc error: code = Canceled desc = grpc: the client connection is closing"));

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("conversion:Convert", "tx7", e));
        assertEquals(List.of("PlatformBMSP"), unavailable.mspIds());
        assertEquals("tx7", unavailable.transactionId());
    }

    @Test
    void onlyThePeersThatCouldNotBeReachedAreNamed() {
        final var e = new EndorseException("tx5", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to collect enough transaction endorsements, see attached details for more info",
            "chaincode response 500, something else went wrong",
            "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp "
                + "127.0.0.1:8051: connect: connection refused\""));

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("conversion:Convert", "tx5", e));
        assertEquals(List.of("PlatformBMSP"), unavailable.mspIds());
    }

    @Test
    void noPeerCombinationIsAnOutageWhoseOrgsFabricDoesNotName() {
        final var e = new EndorseException("tx6", Status.FAILED_PRECONDITION.withDescription("no combination of peers "
            + "can be derived which satisfy the endorsement policy: no peer combination can satisfy the endorsement "
            + "policy").asRuntimeException());

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("conversion:Convert", "tx6", e));
        assertEquals(List.of(), unavailable.mspIds());
    }

    @Test
    void anUndefinedChaincodeIsAFailureNotAnOutage() {
        final var e = new EndorseException("tx7", Status.FAILED_PRECONDITION.withDescription("no combination of peers "
            + "can be derived which satisfy the endorsement policy: No metadata was found for chaincode nope in "
            + "channel points").asRuntimeException());

        assertInstanceOf(LedgerFailureException.class, FabricErrors.translate("nope:Call", "tx7", e));
    }

    @Test
    void privateDataThatCouldNotReachAnotherOrgIsAnOutageOfThatOrgNotOfTheEndorser() {
        final var e = new EndorseException("tx8", GatewayErrors.withDetails(Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "error in simulation: failed to distribute private collection, txID 3f, channel points: Failed "
                + "disseminating 1 out of 4 private dissemination plans"));

        final var unavailable = assertInstanceOf(PlatformUnavailableException.class,
            FabricErrors.translate("conversion:Convert", "tx8", e));
        assertEquals(List.of(), unavailable.mspIds(), "the endorser (PlatformAMSP) is not the one that is down");
    }
}
