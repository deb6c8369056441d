package org.pointsnet.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.users.UserIds;

class LogMaskingTest {

    private static final UserIds IDS = new UserIds("0123456789abcdef0123456789abcdef-test-key");

    @Test
    void userIdsAreCutToPlatformAndSixCharacters() {
        final String alice = IDS.userId("platform-a", "alice");
        final String bob = IDS.userId("platform-b", "bob");
        assertEquals("user " + alice.substring(0, 17) + "… has 1, needs 5 (" + bob.substring(0, 17) + "…)",
            LogMasking.mask("user " + alice + " has 1, needs 5 (" + bob + ")"));
    }

    @Test
    void idsCutToTheirLengthLimitAreMaskedToo() {
        final String longPlatform = "a-platform-with-a-long-identifier";
        final String id = IDS.userId(longPlatform.substring(0, 32), "carol");
        assertEquals(64, id.length());
        assertEquals(id.substring(0, 33 + 6) + "…", LogMasking.mask(id));
    }

    @Test
    void classHostAndOtherNamesAreUntouched() {
        for (final String text : new String[] {
            "java.lang.IllegalStateException: no",
            "org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization."
                + "OAuth2AuthorizationServerConfigurer",
            "peer0.platform-a.pointsnet.local:7051 block 12 tx 0a1b2c",
            "org.pointsnet.gateway.events.BlockEventListener"}) {
            assertEquals(text, LogMasking.mask(text));
        }
        assertNull(LogMasking.mask(null));
    }
}
