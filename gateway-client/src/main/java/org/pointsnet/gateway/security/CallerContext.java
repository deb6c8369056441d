package org.pointsnet.gateway.security;

import java.util.Optional;

/**
 * Who the current request acts for. A platform client acts only for its own platform: the controllers refuse
 * (403 FORBIDDEN, before any ledger call) issuing, burning, transferring, converting from, redeeming on and
 * editing the rules or catalog of any other platform. A user token acts only for its own user.
 *
 * <p>The gateway's bean is {@link TokenCallerContext}: the claims of the request's validated access token.
 */
public interface CallerContext {

    /** The caller's platform id, or empty when the request does not act for a platform. */
    Optional<String> platformId();

    /** The user an end-user token acts for; empty for a platform back end's token. */
    default Optional<String> userId() {
        return Optional.empty();
    }
}
