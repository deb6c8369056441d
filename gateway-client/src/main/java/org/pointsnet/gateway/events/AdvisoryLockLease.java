package org.pointsnet.gateway.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener lease as a PostgreSQL session-level advisory lock, held on a connection of its own (never a pooled
 * one: the lock lives exactly as long as that session). When the holder's process dies its connection closes and
 * PostgreSQL releases the lock at once; a standby's next {@link #tryAcquire()} then takes it. When the holder loses
 * its connection (database restarted, session ended) its next {@link #tryAcquire()} says so and it stops listening.
 */
public final class AdvisoryLockLease implements ListenerLease {

    /** Opens a new database connection (e.g. DriverManager with the gateway's datasource settings). */
    @FunctionalInterface
    public interface ConnectionFactory {
        /** A new connection, owned by the caller. */
        Connection open() throws SQLException;
    }

    /** The advisory lock key: the same for every gateway of an org (they share the database), fixed forever. */
    static final long KEY = 0x706f696e74734cL;
    private static final int VALIDATION_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockLease.class);

    private final ConnectionFactory connections;
    private Connection connection;
    private volatile boolean held;

    public AdvisoryLockLease(final ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public synchronized boolean tryAcquire() {
        try {
            if (held) {
                if (!connection.isValid(VALIDATION_SECONDS)) {
                    throw new SQLException("the lease's connection is no longer valid");
                }
                return true;
            }
            if (connection == null || connection.isClosed()) {
                connection = connections.open();
            }
            held = tryLock(connection);
            return held;
        } catch (SQLException e) {
            if (held) {
                LOG.warn("listener lease lost: {}", e.getMessage());
            } else {
                LOG.debug("listener lease not available: {}", e.getMessage());
            }
            held = false;
            closeConnection();
            return false;
        }
    }

    private static boolean tryLock(final Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            statement.setQueryTimeout(VALIDATION_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public boolean held() {
        return held;
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Closing the session releases the lock. */
    @Override
    public synchronized void close() {
        held = false;
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the lease's connection: {}", e.getMessage());
        }
        connection = null;
    }
}
