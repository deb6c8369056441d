package org.pointsnet.chaincode.ledger.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * A source platform's conversion limits, in its smallest units. Per-transaction and per-user limits apply at once;
 * pair limits apply from {@code pairLimitsFrom} (the next local day after the change), because the day's pair quota
 * is split into shards that were already sized by the old limit: changing it mid-day could let the day's total pass
 * both the old and the new limit.
 *
 * @param version increases by one on every change
 * @param maxPerTransaction null for none
 * @param dailyPerUser null for none
 * @param pairDailyLimits sorted by toPlatformId
 * @param pairLimitsFrom ISO local date from which pairDailyLimits apply
 * @param previousPairDailyLimits the pair limits in force before pairLimitsFrom
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "maxPerTransaction", "dailyPerUser", "pairDailyLimits", "pairLimitsFrom",
        "previousPairDailyLimits"})
public record LimitRule(long version, Long maxPerTransaction, Long dailyPerUser, List<PairLimit> pairDailyLimits,
        String pairLimitsFrom, List<PairLimit> previousPairDailyLimits) {

    /** Normalizes null lists to empty, so the JSON is the same however the rule was built. */
    public LimitRule {
        pairDailyLimits = pairDailyLimits == null ? List.of() : List.copyOf(pairDailyLimits);
        previousPairDailyLimits = previousPairDailyLimits == null ? List.of() : List.copyOf(previousPairDailyLimits);
    }

    /** The pair limits in force on {@code day} (ISO local date: string order is date order). */
    public List<PairLimit> pairLimitsOn(final String day) {
        return pairLimitsFrom == null || day.compareTo(pairLimitsFrom) >= 0 ? pairDailyLimits : previousPairDailyLimits;
    }

    /** The daily limit towards {@code toPlatformId} on {@code day}, if any. */
    public Optional<Long> pairLimit(final String toPlatformId, final String day) {
        return pairLimitsOn(day).stream().filter(l -> l.toPlatformId().equals(toPlatformId))
                .map(PairLimit::dailyLimit).findFirst();
    }
}
