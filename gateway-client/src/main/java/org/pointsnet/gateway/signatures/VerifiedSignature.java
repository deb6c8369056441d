package org.pointsnet.gateway.signatures;

import java.time.Instant;

/** A signature that verified: its key id, nonce (to remember) and creation time. */
public record VerifiedSignature(String keyId, String nonce, Instant created) {
}
