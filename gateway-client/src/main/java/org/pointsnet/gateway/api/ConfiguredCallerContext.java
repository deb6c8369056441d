package org.pointsnet.gateway.api;

import java.util.Optional;

/** Every request acts for the gateway's own configured platform (no tokens yet). */
public final class ConfiguredCallerContext implements CallerContext {

    private final String platformId;

    public ConfiguredCallerContext(final String platformId) {
        this.platformId = platformId;
    }

    @Override
    public Optional<String> platformId() {
        return Optional.ofNullable(platformId);
    }
}
