package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A lot as a query shows it.
 *
 * @param expiresAt ISO-8601 instant from which the lot is expired
 * @param amount smallest units
 * @param expired whether it is expired at the query's time (spent by no one; removed by the next expiry)
 */
@JsonPropertyOrder({"expiresAt", "amount", "expired"})
public record LotView(String expiresAt, long amount, boolean expired) {}
