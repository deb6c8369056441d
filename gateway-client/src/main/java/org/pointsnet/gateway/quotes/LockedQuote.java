package org.pointsnet.gateway.quotes;

import java.time.Instant;
import java.util.Objects;

/**
 * What a quote id promises: converting {@code amountIn} from one platform to another pays {@code amountOut} at the
 * rule versions {@code rules} (contract {@code RulesUsed.version()}) until {@code expiresAt}, inclusive.
 */
public record LockedQuote(String fromPlatformId, String toPlatformId, long amountIn, long amountOut, String rules,
                          Instant expiresAt) {

    public LockedQuote {
        Objects.requireNonNull(fromPlatformId, "fromPlatformId");
        Objects.requireNonNull(toPlatformId, "toPlatformId");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
