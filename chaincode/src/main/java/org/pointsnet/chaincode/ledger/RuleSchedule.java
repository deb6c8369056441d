package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.chaincode.ledger.model.ScheduledVersion;

/**
 * How a versioned rule changes (earning categories, a platform's value rule): a new version applies from a stated
 * time that is not in the past, and the record keeps only the version in force and those scheduled, within a cap.
 */
final class RuleSchedule {
    private RuleSchedule() {}

    /** Refuses an {@code effectiveFrom} before the transaction time; {@code why} says what the past keeps. */
    static void requireNotBefore(final Instant from, final Instant now, final String why) {
        if (from.isBefore(now)) {
            throw refusal(VALIDATION_FAILED, "effectiveFrom " + from + " is before the transaction time " + now
                    + ": " + why);
        }
    }

    /**
     * The versions after {@code added}: everything scheduled later, plus the newest one in force now; refused with
     * {@code tooMany} when more than {@code cap} would be kept.
     */
    static <V extends ScheduledVersion> List<V> stillNeeded(final List<V> versions, final V added, final Instant now,
            final int cap, final String tooMany) {
        final List<V> all = new ArrayList<>(versions);
        all.add(added);
        final V current = ScheduledVersion.inForce(all, now).orElse(null);
        final List<V> kept = new ArrayList<>();
        for (final V v : all) {
            if (v == current || Instant.parse(v.effectiveFrom()).isAfter(now)) {
                kept.add(v);
            }
        }
        if (kept.size() > cap) {
            throw refusal(VALIDATION_FAILED, tooMany);
        }
        return kept;
    }
}
