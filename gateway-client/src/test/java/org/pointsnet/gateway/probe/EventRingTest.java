package org.pointsnet.gateway.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class EventRingTest {

    private static ChaincodeEventRecord event(final int n) {
        return new ChaincodeEventRecord(n, "tx" + n, "ValueWritten", JsonNodeFactory.instance.objectNode().put("n", n));
    }

    @Test
    void keepsEventsOldestFirst() {
        final EventRing ring = new EventRing(3);
        ring.add(event(1));
        ring.add(event(2));

        assertEquals(List.of(event(1), event(2)), ring.snapshot());
    }

    @Test
    void dropsTheOldestWhenFull() {
        final EventRing ring = new EventRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(event(i));
        }

        assertEquals(List.of(event(3), event(4), event(5)), ring.snapshot());
    }

    @Test
    void snapshotDoesNotChangeAfterwards() {
        final EventRing ring = new EventRing(2);
        ring.add(event(1));
        final List<ChaincodeEventRecord> before = ring.snapshot();
        ring.add(event(2));
        ring.add(event(3));

        assertEquals(List.of(event(1)), before);
    }

    @Test
    void defaultCapacityIsOneThousand() {
        final EventRing ring = new EventRing();
        for (int i = 0; i < 1005; i++) {
            ring.add(event(i));
        }

        assertEquals(1000, ring.snapshot().size());
        assertEquals(5, ring.snapshot().get(0).blockNumber());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new EventRing(0));
    }
}
