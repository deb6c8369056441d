package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A user's balance on one platform and its exact value.
 *
 * @param platformId the platform
 * @param balance smallest units
 * @param value exact value in {@code currency}
 * @param currency the platform's currency
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"platformId", "balance", "value", "currency"})
public record Balance(String platformId, long balance, String value, String currency) {}
