package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An open link offer (pair link collection, key {@code offer~<grantHash>}), written with the offering platform's
 * client and both peers' endorsements; taken (and deleted) by {@code link:Accept} on {@code toPlatformId}.
 *
 * @param platformId the offering platform
 * @param userId the offering platform's user
 * @param toPlatformId the only platform that may accept
 * @param expiresAt last moment (ISO-8601) a transaction may accept it
 * @param share whether the offering side shares its user's balances with the other
 * @param consentHash SHA-256 (hex) of the offering side's consent record
 */
@JsonPropertyOrder({"platformId", "userId", "toPlatformId", "expiresAt", "share", "consentHash"})
public record LinkOffer(String platformId, String userId, String toPlatformId, String expiresAt, boolean share,
        String consentHash) {}
