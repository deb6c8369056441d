package org.pointsnet.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The rule versions a conversion was priced and limited with (null: no such rule was set).
 *
 * @param rateSource RULE or UNIT_VALUE
 * @param rateVersion agreed pair rate version (RULE only)
 * @param fromPlatformVersion source platform record version (its unit value model)
 * @param toPlatformVersion destination platform record version
 * @param fromValueVersion source platform's value-rule version (unit value × multiplier) in force; null only in
 *     receipts written before value rules were versioned
 * @param toValueVersion destination platform's value-rule version in force (null as for {@code fromValueVersion})
 * @param feeVersion destination fee rule version
 * @param limitsVersion source limit rule version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rateSource", "rateVersion", "fromPlatformVersion", "toPlatformVersion", "fromValueVersion",
        "toValueVersion", "feeVersion", "limitsVersion"})
public record RulesUsed(String rateSource, Long rateVersion, long fromPlatformVersion, long toPlatformVersion,
        Long fromValueVersion, Long toValueVersion, Long feeVersion, Long limitsVersion) {

    /**
     * Every version in one string, the members in JSON order and absent ones left out (e.g.
     * {@code rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1;fromValueVersion=1;toValueVersion=2;
     * feeVersion=2}, without the line break): the quote's
     * {@code ruleVersion} and what a locked quote's conversion compares with the rules in force. Any rule change
     * changes it.
     */
    public String version() {
        final StringBuilder out = new StringBuilder("rateSource=").append(rateSource);
        if (rateVersion != null) {
            out.append(";rateVersion=").append(rateVersion);
        }
        out.append(";fromPlatformVersion=").append(fromPlatformVersion);
        out.append(";toPlatformVersion=").append(toPlatformVersion);
        if (fromValueVersion != null) {
            out.append(";fromValueVersion=").append(fromValueVersion);
        }
        if (toValueVersion != null) {
            out.append(";toValueVersion=").append(toValueVersion);
        }
        if (feeVersion != null) {
            out.append(";feeVersion=").append(feeVersion);
        }
        if (limitsVersion != null) {
            out.append(";limitsVersion=").append(limitsVersion);
        }
        return out.toString();
    }
}
