package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A platform's earning-category versions in one record (one point read per issuance): the one in force now and
 * those scheduled for later, lowest version first.
 *
 * @param platformId the platform
 * @param versions the versions still needed
 */
@JsonPropertyOrder({"platformId", "versions"})
public record CategoryRules(String platformId, List<CategoryVersion> versions) {
    /** Copies the list. */
    public CategoryRules {
        versions = List.copyOf(versions);
    }

    /** The highest version in force at {@code at}. */
    public Optional<CategoryVersion> inForce(final Instant at) {
        return ScheduledVersion.inForce(versions, at);
    }

    /** The last version number (0 when there is none). */
    public long lastVersion() {
        return ScheduledVersion.lastVersion(versions);
    }
}
