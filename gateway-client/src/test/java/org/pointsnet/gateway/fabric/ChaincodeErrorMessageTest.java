package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChaincodeErrorMessageTest {

    @Test
    void bareChaincodeMessage() {
        assertEquals(Optional.of(new ChaincodeErrorMessage("VALIDATION_FAILED", "key 'bad key!' must be 1..64")),
            ChaincodeErrorMessage.parse("VALIDATION_FAILED: key 'bad key!' must be 1..64"));
    }

    @Test
    void endorsementDetailAsThePeerWrapsIt() {
        assertEquals(Optional.of(new ChaincodeErrorMessage("NOT_FOUND", "key 'x' has no value")),
            ChaincodeErrorMessage.parse("chaincode response 500, NOT_FOUND: key 'x' has no value"));
    }

    @Test
    void evaluateStatusDescription() {
        assertEquals(Optional.of(new ChaincodeErrorMessage("NOT_FOUND", "key 'x' has no value")),
            ChaincodeErrorMessage.parse(
                "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: key 'x' has no value"));
    }

    @Test
    void messagesWithoutACodeAreNotChaincodeRejections() {
        assertTrue(ChaincodeErrorMessage.parse("failed to endorse transaction, see attached details for more info")
            .isEmpty());
        assertTrue(ChaincodeErrorMessage.parse(
            "chaincode response 500, You've asked to invoke a function that does not exist: Nope").isEmpty());
        assertTrue(ChaincodeErrorMessage.parse("chaincode stream terminated").isEmpty());
        assertTrue(ChaincodeErrorMessage.parse(null).isEmpty());
    }
}
