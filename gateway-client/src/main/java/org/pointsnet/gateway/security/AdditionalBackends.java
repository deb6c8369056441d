package org.pointsnet.gateway.security;

import java.util.List;

/**
 * Further back-end clients of this platform beyond {@code <platformId>-backend}: client credentials with a secret
 * and the back end's scopes (e.g. the clients that must sign their requests, org.pointsnet.gateway.signatures).
 */
@FunctionalInterface
public interface AdditionalBackends {

    /** A client id and its secret (at least 32 characters). */
    record Backend(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Backend[" + clientId + "]";
        }
    }

    /** The clients to register. */
    List<Backend> backends();
}
