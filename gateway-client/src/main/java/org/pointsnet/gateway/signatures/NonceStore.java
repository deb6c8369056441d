package org.pointsnet.gateway.signatures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nonces of verified signatures, per client, in the gateway's database (table {@code request_nonce}, Flyway V4),
 * so every instance of a platform's gateway sharing the database refuses a replay. A nonce is kept until no
 * signature carrying it could still be fresh (twice the allowed skew), then purged.
 */
public final class NonceStore {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Duration keep;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;

    public NonceStore(final JdbcClient jdbc, final Duration maxSkew, final Clock clock) {
        this.jdbc = jdbc;
        this.keep = maxSkew.multipliedBy(2);
        this.clock = clock;
    }

    /** True when {@code nonce} is new for {@code clientId} (and is now remembered); false when it was used before. */
    public boolean remember(final String clientId, final String nonce) {
        final Instant now = clock.instant();
        purge(now);
        try {
            jdbc.sql("INSERT INTO request_nonce (client_id, nonce, expires_at) VALUES (?, ?, ?)")
                .params(clientId, nonce, now.plus(keep).getEpochSecond()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void purge(final Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        jdbc.sql("DELETE FROM request_nonce WHERE expires_at < ?").param(now.getEpochSecond()).update();
    }
}
