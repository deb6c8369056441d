package org.pointsnet.gateway.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes grants whose access token expired more than {@link #KEEP} ago, every {@link #EVERY}: without it, a back
 * end fetching a token per call would grow the table without bound. An expired token is refused anyway; keeping
 * it a while longer lets introspection still answer "inactive" for it.
 */
public final class ExpiredGrantsPurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredGrantsPurge.class);
    static final Duration KEEP = Duration.ofHours(1);
    static final Duration EVERY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "expired-grants-purge");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredGrantsPurge(final JdbcClient jdbc, final Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::purgeLogged, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Deletes the grants whose access token expired before now minus {@link #KEEP}; returns how many. */
    public int purge() {
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE access_token_expires_at < ?")
            .param(Timestamp.from(clock.instant().minus(KEEP))).update();
    }

    private void purgeLogged() {
        try {
            final int deleted = purge();
            if (deleted > 0) {
                LOG.info("deleted {} expired token grants", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired token grants failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
