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
 * @param feeVersion destination fee rule version
 * @param limitsVersion source limit rule version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rateSource", "rateVersion", "fromPlatformVersion", "toPlatformVersion", "feeVersion",
        "limitsVersion"})
public record RulesUsed(String rateSource, Long rateVersion, long fromPlatformVersion, long toPlatformVersion,
        Long feeVersion, Long limitsVersion) {}
