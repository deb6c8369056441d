package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Points of one account that expire together: every credit whose expiry falls on the same instant (a whole UTC day
 * for periods of a day or more) merges into one lot.
 *
 * @param expiresAt ISO-8601 instant from which the lot is expired (a transaction at or after it cannot spend it)
 * @param amount smallest units, positive
 */
@JsonPropertyOrder({"expiresAt", "amount"})
public record Lot(String expiresAt, long amount) {}
