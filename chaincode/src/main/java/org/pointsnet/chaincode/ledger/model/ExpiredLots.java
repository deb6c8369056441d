package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One user's part of an expiry receipt (the user's posting is −amount). The lots are counted, not listed: 100 users
 * with 64 lots each would make a receipt larger than the projection reads (256 KiB).
 *
 * @param userId the user
 * @param amount points removed
 * @param lots how many lots were removed
 * @param lastExpiresAt the latest expiry among them
 */
@JsonPropertyOrder({"userId", "amount", "lots", "lastExpiresAt"})
public record ExpiredLots(String userId, long amount, int lots, String lastExpiresAt) {}
