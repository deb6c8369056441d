package org.pointsnet.gateway.consent;

import java.time.Instant;

/**
 * One consent of one person.
 *
 * @param consentId   random id
 * @param userId      the person's network user id on this platform
 * @param purpose     what it allows
 * @param platformId  the other platform it concerns; null for {@link ConsentPurpose#ANALYTICS}
 * @param grantedAt   when it was given
 * @param withdrawnAt when it was withdrawn; null while it holds
 * @param digest      SHA-256 (hex) of id, user, purpose, platform and grant time: the proof that goes on chain
 */
public record Consent(String consentId, String userId, ConsentPurpose purpose, String platformId, Instant grantedAt,
                      Instant withdrawnAt, String digest) {

    /** Whether it holds (was not withdrawn). */
    public boolean active() {
        return withdrawnAt == null;
    }
}
