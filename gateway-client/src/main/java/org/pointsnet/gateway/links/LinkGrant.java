package org.pointsnet.gateway.links;

import java.time.Instant;

/**
 * What the offering platform hands the person: a one-time secret, good for {@code toPlatformId} until
 * {@code expiresAt}. Only its SHA-256 is on chain; the person presents the secret at the other platform.
 *
 * @param grant        the secret (base64url, 256 random bits)
 * @param platformId   the offering platform
 * @param toPlatformId the only platform that can accept it
 * @param expiresAt    end of its validity
 */
public record LinkGrant(String grant, String platformId, String toPlatformId, Instant expiresAt) {
}
