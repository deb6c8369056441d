package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One side of an identity link (pair link collection, key {@code link~<userId>}): nothing personal, two pseudonyms.
 *
 * @param userId this side's user id
 * @param platformId this side's platform
 * @param linkedUserId the same person's user id on the other platform
 * @param linkedPlatformId the other platform
 * @param share whether this side lets the other platform read this user's balances
 * @param consentHash SHA-256 (hex) of this side's consent record, kept off chain by this side's gateway
 * @param since transaction time of the link's creation (ISO-8601)
 * @param updated transaction time of this side's last change (ISO-8601)
 */
@JsonPropertyOrder({"userId", "platformId", "linkedUserId", "linkedPlatformId", "share", "consentHash", "since",
        "updated"})
public record LinkSide(String userId, String platformId, String linkedUserId, String linkedPlatformId, boolean share,
        String consentHash, String since, String updated) {

    /** The same side with another sharing choice and consent proof. */
    public LinkSide sharing(final boolean newShare, final String newConsentHash, final String at) {
        return new LinkSide(userId, platformId, linkedUserId, linkedPlatformId, newShare, newConsentHash, since, at);
    }
}
