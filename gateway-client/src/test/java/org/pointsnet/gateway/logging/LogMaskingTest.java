package org.pointsnet.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void userIdsAreCutToPlatformAndSixCharacters() {
        assertEquals("user platform-a.o40wj3… has 1, needs 5 (platform-b.Xy_-12…)", LogMasking.mask(
            "user platform-a.o40wj3NNQmpspyRmBT0j1WkVGTdZkgC_rxlGXtFRQOs has 1, needs 5 "
                + "(platform-b.Xy_-12abcdefghijklmnop)"));
    }

    @Test
    void otherTextIsUntouched() {
        assertEquals("peer0.platform-a.pointsnet.local:7051 block 12 tx 0a1b2c", LogMasking.mask(
            "peer0.platform-a.pointsnet.local:7051 block 12 tx 0a1b2c"));
        assertEquals("org.pointsnet.gateway.events.BlockEventListener", LogMasking.mask(
            "org.pointsnet.gateway.events.BlockEventListener"));
        assertNull(LogMasking.mask(null));
    }
}
