package org.pointsnet.contract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One balance change of a receipt.
 *
 * @param platformId whose points
 * @param userId whose account
 * @param delta signed change in the platform's smallest units
 */
@JsonPropertyOrder({"platformId", "userId", "delta"})
public record Posting(String platformId, String userId, long delta) {}
