package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Receipt detail of a supply fold: supply deltas added to the platform's supply total and deleted. The supply itself
 * does not change, so the receipt has no postings.
 *
 * @param deltas how many deltas were folded
 * @param amount their sum
 * @param total the supply total after the fold
 */
@JsonPropertyOrder({"deltas", "amount", "total"})
public record FoldDetail(int deltas, long amount, long total) {}
