package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A redemption: stored under the user and reward, and the receipt detail.
 *
 * @param platformId the platform
 * @param rewardId the reward
 * @param userId the user
 * @param quantity units taken from stock
 * @param points points debited (reward points × quantity)
 * @param rewardVersion catalog version redeemed
 * @param txId the redemption transaction
 */
@JsonPropertyOrder({"platformId", "rewardId", "userId", "quantity", "points", "rewardVersion", "txId"})
public record Redemption(String platformId, String rewardId, String userId, long quantity, long points,
        long rewardVersion, String txId) {}
