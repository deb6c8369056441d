package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Receipt detail of an issue or burn.
 *
 * @param userId the account
 * @param amount points issued or burned
 * @param reason the platform's note (earn, expire, debit...), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "amount", "reason"})
public record AmountDetail(String userId, long amount, String reason) {}
