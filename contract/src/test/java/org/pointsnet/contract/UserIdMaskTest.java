package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UserIdMaskTest {

    private static final String ALICE = "platform-a.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

    @Test
    void aUserIdKeepsItsPlatformAndSixCharacters() {
        assertEquals(43, ALICE.length() - "platform-a.".length());
        assertEquals("user 'platform-a.AbCdEf…' has 1", UserIdMask.mask("user '" + ALICE + "' has 1"));
    }

    @Test
    void otherDottedNamesStay() {
        for (final String text : new String[] {"org.pointsnet.chaincode.ChaincodeMain", "peer0.platform-a.local",
            "u1", "platform-a.short"}) {
            assertEquals(text, UserIdMask.mask(text));
        }
        assertNull(UserIdMask.mask(null));
    }
}
