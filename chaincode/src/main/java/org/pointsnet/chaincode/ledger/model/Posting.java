package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One balance change of a transaction; a platform's supply changes by the sum of its postings.
 *
 * @param platformId whose points
 * @param userId whose account ("fee" for the platform's fee account)
 * @param delta signed change in smallest units
 */
@JsonPropertyOrder({"platformId", "userId", "delta"})
public record Posting(String platformId, String userId, long delta) {}
