package org.pointsnet.gateway.probe;

import java.util.ArrayDeque;
import java.util.List;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.pointsnet.gateway.events.EventObserver;

/**
 * The last {@code capacity} chaincode events, oldest first, for {@code GET /api/v1/probe/events}; older ones are
 * dropped. Thread-safe.
 */
public final class EventRing implements EventObserver {

    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final ArrayDeque<ChaincodeEventRecord> events;

    public EventRing() {
        this(DEFAULT_CAPACITY);
    }

    public EventRing(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    @Override
    public void observe(final ChaincodeEventRecord event) {
        add(event);
    }

    public synchronized void add(final ChaincodeEventRecord event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** A copy, oldest first, so callers never see the ring change under them. */
    public synchronized List<ChaincodeEventRecord> snapshot() {
        return List.copyOf(events);
    }

    public int capacity() {
        return capacity;
    }
}
