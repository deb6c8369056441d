package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Receipt detail of a conversion.
 *
 * @param userId debited user on the source
 * @param toUserId credited user on the destination
 * @param quote the pricing executed
 * @param obligation the settlement obligation booked
 */
@JsonPropertyOrder({"userId", "toUserId", "quote", "obligation"})
public record ConversionDetail(String userId, String toUserId, Quote quote, Obligation obligation) {}
