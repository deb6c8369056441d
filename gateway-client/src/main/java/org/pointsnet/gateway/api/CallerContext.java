package org.pointsnet.gateway.api;

import java.util.Optional;

/**
 * The platform the current request acts for. A platform client acts only for its own platform: the controllers
 * refuse (403 FORBIDDEN, before any ledger call) issuing, burning, transferring, converting from, redeeming on
 * and editing the rules or catalog of any other platform.
 *
 * <p><b>Seam for authentication.</b> Until OAuth is in, {@link ApiConfiguration} registers a
 * {@link ConfiguredCallerContext} that answers the gateway's configured {@code pointsnet.platform-id} for every
 * request. The security module ({@code org.pointsnet.gateway.security}) replaces it by declaring its own
 * {@code CallerContext} bean that reads the platform from the validated access token of the current request
 * (the default is {@code @ConditionalOnMissingBean}; mark the token-based bean {@code @Primary} if bean
 * ordering is in doubt). It must answer {@link Optional#empty()} when the request carries no platform.
 */
public interface CallerContext {

    /** The caller's platform id, or empty when the request does not act for a platform. */
    Optional<String> platformId();
}
