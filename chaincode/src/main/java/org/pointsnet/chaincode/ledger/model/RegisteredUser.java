package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A user registration (collection of the owning platform, key {@code user~<userId>}) and the answer of
 * {@code user:Register}. Nothing personal: the id is already a pseudonym.
 *
 * @param userId the registered id
 * @param platformId the platform that created it (the id's prefix)
 */
@JsonPropertyOrder({"userId", "platformId"})
public record RegisteredUser(String userId, String platformId) {}
