package org.pointsnet.gateway.api;

import java.util.Optional;

/** A fixed caller: a platform back end, or one of its users (tests). */
public final class ConfiguredCallerContext implements CallerContext {

    private final String platformId;
    private final String userId;

    /** A platform back end. */
    public ConfiguredCallerContext(final String platformId) {
        this(platformId, null);
    }

    /** An end user of {@code platformId}. */
    public ConfiguredCallerContext(final String platformId, final String userId) {
        this.platformId = platformId;
        this.userId = userId;
    }

    @Override
    public Optional<String> platformId() {
        return Optional.ofNullable(platformId);
    }

    @Override
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }
}
