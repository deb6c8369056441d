package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pointsnet.contract.RulesUsed;

/**
 * What a conversion does at current rules: amountOut = floor(amountIn × rate) − fee, all in smallest units.
 *
 * @param fromPlatformId source
 * @param toPlatformId destination
 * @param amountIn debited from the user on the source
 * @param rate B points per A point, floored to 12 places (display; the computation is exact)
 * @param gross floor(amountIn × rate) in the destination's smallest units
 * @param fee ceil(gross × bps) clamped, credited to the destination's fee account
 * @param amountOut gross − fee, credited to the receiving user
 * @param rules the rule versions used
 */
@JsonPropertyOrder({"fromPlatformId", "toPlatformId", "amountIn", "rate", "gross", "fee", "amountOut", "rules"})
public record Quote(String fromPlatformId, String toPlatformId, long amountIn, String rate, long gross, long fee,
        long amountOut, RulesUsed rules) {}
