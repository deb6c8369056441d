package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void theCodeIsReadBackFromWhateverFabricWrapsAroundTheMessage() {
        final String message = ErrorCode.NOT_FOUND.message("platform 'x' is not registered");
        assertEquals("NOT_FOUND: platform 'x' is not registered", message);
        for (final String wrapped : new String[] {message, "chaincode response 500, " + message,
                "evaluate call to endorser returned error: chaincode response 500, " + message,
                "failed: chaincode response 500, other; chaincode response 500, " + message}) {
            final ErrorCode.Coded r = ErrorCode.read(wrapped).orElseThrow(() -> new AssertionError(wrapped));
            assertEquals(ErrorCode.NOT_FOUND, r.known().orElseThrow());
            assertEquals("platform 'x' is not registered", r.detail());
        }
    }

    @Test
    void textWithoutAKnownCodeIsNoRefusal() {
        assertTrue(ErrorCode.read(null).isEmpty());
        assertTrue(ErrorCode.read("rpc error: code = Unavailable desc = connection refused").isEmpty());
        assertTrue(ErrorCode.read("chaincode response 500, SOMETHING_NEW: not ours").flatMap(ErrorCode.Coded::known)
                .isEmpty());
        assertTrue(ErrorCode.read("not_found: lower case").isEmpty());
    }

    @Test
    void everyFunctionHasAUniqueQualifiedName() {
        assertEquals(LedgerFunction.values().length, java.util.Arrays.stream(LedgerFunction.values())
                .map(LedgerFunction::qualifiedName).distinct().count());
        assertEquals("account:Issue", LedgerFunction.ISSUE.qualifiedName());
        assertEquals(LedgerFunction.Kind.EVALUATE, LedgerFunction.GET_PERIOD.kind());
    }
}
