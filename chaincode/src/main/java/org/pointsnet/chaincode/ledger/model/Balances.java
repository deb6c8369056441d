package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A user's balances across platforms and their total value in one currency (balances in other currencies are listed
 * but not added: the ledger has no FX rates).
 *
 * @param userId the user
 * @param balances per platform, by platform id
 * @param totalValue exact decimal string
 * @param currency currency of totalValue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "balances", "totalValue", "currency"})
public record Balances(String userId, List<Balance> balances, String totalValue, String currency) {}
