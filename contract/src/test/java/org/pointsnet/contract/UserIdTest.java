package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserIdTest {

    @Test
    void aGatewayIdNamesItsPlatform() {
        final String id = "platform-a.3q2-7wJx_Kd9mYpQvWz0aBcDeFgHiJkLmNoPqRsTuVw";
        assertTrue(UserId.isPerson(id));
        assertEquals(Optional.of("platform-a"), UserId.owner(id));
    }

    @Test
    void theFeeAccountIsValidButNoPerson() {
        assertTrue(UserId.isValid("fee"));
        assertFalse(UserId.isPerson("fee"));
        assertEquals(Optional.empty(), UserId.owner("fee"));
    }

    @Test
    void sixtyFourCharactersAtMost() {
        final String id = "p" + "x".repeat(31) + "." + "k".repeat(31);
        assertEquals(64, id.length());
        assertTrue(UserId.isPerson(id));
        assertFalse(UserId.isPerson(id + "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "nobody", "nobody-at-all", "u1", ".key", "platform-a.", "platform-a", "Platform-a.k",
        "platform-a.k=", "platform-a.k.k", "platform-a.k k", "-a.key", "a.key", "platform_a.key"})
    void anythingElseIsRefused(final String id) {
        assertFalse(UserId.isValid(id));
        assertEquals(Optional.empty(), UserId.owner(id));
    }
}
