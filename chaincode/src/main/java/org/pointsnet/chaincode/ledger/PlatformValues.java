package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.chaincode.ledger.model.ValueRules;
import org.pointsnet.chaincode.ledger.model.ValueVersion;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.contract.Limits;

/**
 * A platform's own value rule (unit value and multiplier), versioned like the earning categories: pricing reads the
 * version in force at the transaction's time; only the platform's own rule change writes the record, so it is never a
 * hot key.
 */
final class PlatformValues {
    private PlatformValues() {}

    /**
     * The stored versions. A platform registered before value rules were versioned has no record: its registration
     * values are version 1, in force since always.
     */
    static ValueRules rules(final LedgerState state, final Platform platform) {
        return state.read(Keys.collection(platform.platformId()), Keys.valueRules(), ValueRules.class)
                .orElseGet(() -> new ValueRules(platform.platformId(),
                        List.of(Valuation.registered(platform, Instant.EPOCH.toString()))));
    }

    /** The platform valued at the version in force at {@code at}. */
    static Valuation at(final LedgerState state, final Platform platform, final Instant at) {
        return new Valuation(platform, rules(state, platform).inForce(at));
    }

    /** Registration's version 1, in force from the registration: written with the platform's record. */
    static void register(final LedgerState state, final Platform platform, final Instant at) {
        state.write(Keys.collection(platform.platformId()), Keys.valueRules(), new ValueRules(platform.platformId(),
                List.of(Valuation.registered(platform, at.toString()))));
    }

    /** A unit value or multiplier of a value rule: a positive plain decimal within the bounds of {@link Limits}. */
    static String bounded(final String field, final String value) {
        final BigDecimal parsed = Decimals.positive(field, value);
        if (parsed.compareTo(BigDecimal.valueOf(Limits.MAX_VALUE_RULE)) > 0
                || parsed.stripTrailingZeros().scale() > Limits.MAX_VALUE_RULE_SCALE) {
            throw refusal(VALIDATION_FAILED, field + " must be at most " + Limits.MAX_VALUE_RULE + " with at most "
                    + Limits.MAX_VALUE_RULE_SCALE + " decimal places, got " + value);
        }
        return Decimals.text(parsed);
    }

    /**
     * Adds a version from {@code from} (not before {@code now}: conversions already made keep the value they used)
     * and writes the record: the versions scheduled later, plus the newest one in force now.
     */
    static ValueVersion change(final LedgerState state, final Platform platform, final Instant now,
            final Instant from, final String unitValue, final String multiplier) {
        RuleSchedule.requireNotBefore(from, now, "conversions already made keep the value they used");
        final ValueRules old = rules(state, platform);
        final ValueVersion added = new ValueVersion(old.lastVersion() + 1, from.toString(), unitValue, multiplier);
        final List<ValueVersion> kept = RuleSchedule.stillNeeded(old.versions(), added, now, Limits.MAX_VALUE_VERSIONS,
                "more than " + Limits.MAX_VALUE_VERSIONS + " value-rule versions would be kept (the one in force and "
                        + "those scheduled)");
        state.write(Keys.collection(platform.platformId()), Keys.valueRules(),
                new ValueRules(platform.platformId(), kept));
        return added;
    }
}
