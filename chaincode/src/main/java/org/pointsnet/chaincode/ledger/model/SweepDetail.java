package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Receipt detail of a fee sweep: blind fee credits folded into the fee account's spendable balance.
 *
 * @param txIds the conversions whose fee credits were swept, sorted
 * @param amount their sum
 */
@JsonPropertyOrder({"txIds", "amount"})
public record SweepDetail(List<String> txIds, long amount) {}
