package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The detail of an ISSUE in an earning category: the base amount, the category version and multiplier used, and
 * the points credited.
 *
 * @param userId the credited user
 * @param amount points credited, floor(baseAmount × multiplier)
 * @param reason the platform's note, or null
 * @param category the earning category
 * @param baseAmount the amount the request named
 * @param multiplier the category's multiplier in that version
 * @param categoriesVersion the category version in force at the transaction time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "amount", "reason", "category", "baseAmount", "multiplier", "categoriesVersion"})
public record CategoryIssueDetail(String userId, long amount, String reason, String category, long baseAmount,
        String multiplier, long categoriesVersion) {}
