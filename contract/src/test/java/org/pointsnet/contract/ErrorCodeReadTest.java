package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the wire format back as the gateway receives it (formerly the gateway's own ChaincodeErrorMessage). */
class ErrorCodeReadTest {

    @Test
    void bareChaincodeMessage() {
        assertEquals(Optional.of(new ErrorCode.Coded("VALIDATION_FAILED", "key 'bad key!' must be 1..64")),
            ErrorCode.read("VALIDATION_FAILED: key 'bad key!' must be 1..64"));
    }

    @Test
    void endorsementDetailAsThePeerWrapsIt() {
        assertEquals(Optional.of(new ErrorCode.Coded("NOT_FOUND", "key 'x' has no value")),
            ErrorCode.read("chaincode response 500, NOT_FOUND: key 'x' has no value"));
    }

    @Test
    void evaluateStatusDescription() {
        assertEquals(Optional.of(new ErrorCode.Coded("NOT_FOUND", "key 'x' has no value")),
            ErrorCode.read(
                "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: key 'x' has no value"));
    }

    @Test
    void messagesWithoutACodeAreNotChaincodeRejections() {
        assertTrue(ErrorCode.read("failed to endorse transaction, see attached details for more info")
            .isEmpty());
        assertTrue(ErrorCode.read(
            "chaincode response 500, You've asked to invoke a function that does not exist: Nope").isEmpty());
        assertTrue(ErrorCode.read("chaincode stream terminated").isEmpty());
        assertTrue(ErrorCode.read(null).isEmpty());
    }

    @Test
    void aCodeThisBuildDoesNotKnowIsReadButNotFound() {
        final String message = "chaincode response 500, SOMETHING_NEW: not ours";
        assertEquals(Optional.of(new ErrorCode.Coded("SOMETHING_NEW", "not ours")), ErrorCode.read(message));
        assertTrue(ErrorCode.read(message).orElseThrow().known().isEmpty());
        assertEquals(Optional.of(ErrorCode.SLIPPAGE), ErrorCode.named("SLIPPAGE"));
        assertTrue(ErrorCode.named("slippage").isEmpty());
    }
}
