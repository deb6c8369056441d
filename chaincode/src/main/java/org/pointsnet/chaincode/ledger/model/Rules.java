package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.pointsnet.chaincode.ledger.core.FeeRule;
import org.pointsnet.chaincode.ledger.core.LimitRule;
import org.pointsnet.chaincode.ledger.core.RateApproval;

/**
 * A platform's conversion rules as stored in its collection.
 *
 * @param platformId the platform
 * @param fee its fee rule (as destination), or absent
 * @param limits its limit rule (as source), or absent
 * @param rates its side of every pair rate it approved, by pair
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"platformId", "fee", "limits", "rates"})
public record Rules(String platformId, FeeRule fee, LimitRule limits, List<RateApproval> rates) {}
