package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A platform's value-rule versions in one record (one point read per pricing): the one in force when it was last
 * written and those scheduled after it, lowest version first. Never empty.
 *
 * @param platformId the platform
 * @param versions the versions still needed
 */
@JsonPropertyOrder({"platformId", "versions"})
public record ValueRules(String platformId, List<ValueVersion> versions) {
    /** Copies the list; a rule without versions cannot price anything. */
    public ValueRules {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a value rule has at least one version");
        }
    }

    /**
     * The highest version in force at {@code at}. Before the first kept version (only an evaluation whose client
     * clock lags the write can ask that) the first one: it was in force when the record was written.
     */
    public ValueVersion inForce(final Instant at) {
        return ScheduledVersion.inForce(versions, at).orElse(versions.get(0));
    }

    /** The last version number. */
    public long lastVersion() {
        return ScheduledVersion.lastVersion(versions);
    }
}
