package org.pointsnet.chaincode.ledger.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One version of a rule that changes from a stated time (earning categories, a platform's value rule). */
public interface ScheduledVersion {

    /** Increases with every change. */
    long version();

    /** ISO-8601 instant from which this version applies, until a higher version is in force. */
    String effectiveFrom();

    /** The highest of {@code versions} (lowest version first) in force at {@code at}, if any. */
    static <V extends ScheduledVersion> Optional<V> inForce(final List<V> versions, final Instant at) {
        V found = null;
        for (final V v : versions) {
            if (!Instant.parse(v.effectiveFrom()).isAfter(at)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The last version number of {@code versions} (lowest first), 0 when there is none. */
    static long lastVersion(final List<? extends ScheduledVersion> versions) {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }
}
