package org.pointsnet.gateway.security;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether an access token of the embedded authorization server is known and not revoked, read from its grant row by
 * the token's hash: the one column revocation changes. {@link KnownTokenValidator} asks this on every API request;
 * {@code OAuth2AuthorizationService.findByToken} would rebuild the whole grant for it (attributes and every token's
 * metadata parsed with Spring Security's type-checked JSON), which was half of the check's cost
 * (docs/benchmarks.md, "2026-12-01 (session 11)").
 */
public final class IssuedAccessTokens {

    /** What the grants table says about a presented access token. */
    public enum State {
        /** No grant holds it: never issued here, replaced by a refresh, or its grant was removed. */
        UNKNOWN,
        /** Its grant marks it invalidated (revocation of it or of its refresh token). */
        REVOKED,
        /** Issued here and not revoked. */
        ACTIVE
    }

    private static final String TABLE = "oauth2_authorization";
    private static final String VALUE = "access_token_value";
    private static final String LOOKUP = "SELECT access_token_metadata FROM " + TABLE + " WHERE " + VALUE + " = ?";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcOperations jdbc;
    /** H2's schema keeps the token columns as BLOB (Flyway V2, h2), PostgreSQL's as text: bound and read to match. */
    private final boolean blobColumns;

    public IssuedAccessTokens(final JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.blobColumns = Integer.valueOf(Types.BLOB).equals(jdbc.execute(valueColumnType()));
    }

    /** The state of the access token {@code tokenValue} as presented (it is looked up by its stored hash). */
    public State state(final String tokenValue) {
        final String hash = HashedTokenAuthorizationService.hash(tokenValue);
        final Object parameter = blobColumns
            ? new SqlParameterValue(Types.BLOB, hash.getBytes(StandardCharsets.UTF_8)) : hash;
        final List<String> metadata = jdbc.query(LOOKUP, (rs, row) -> text(rs, 1), parameter);
        if (metadata.isEmpty()) {
            return State.UNKNOWN;
        }
        return invalidated(metadata.get(0)) ? State.REVOKED : State.ACTIVE;
    }

    /** The token's metadata as the authorization server stores it: a JSON object, invalidation a boolean member. */
    private static boolean invalidated(final String metadata) {
        if (metadata == null) {
            return false;
        }
        try {
            return JSON.readTree(metadata).path(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME).asBoolean(false);
        } catch (JacksonException e) {
            // Unreadable metadata proves nothing about the token: refuse it rather than guess.
            return true;
        }
    }

    private String text(final ResultSet rs, final int column) throws SQLException {
        if (!blobColumns) {
            return rs.getString(column);
        }
        final byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The JDBC type of the access token column, found the way the authorization server's own store finds it. */
    private static ConnectionCallback<Integer> valueColumnType() {
        return connection -> {
            final DatabaseMetaData meta = connection.getMetaData();
            for (final String[] names : new String[][] {{TABLE, VALUE},
                {TABLE.toUpperCase(Locale.ROOT), VALUE.toUpperCase(Locale.ROOT)}}) {
                try (ResultSet columns = meta.getColumns(null, null, names[0], names[1])) {
                    if (columns.next()) {
                        return columns.getInt("DATA_TYPE");
                    }
                }
            }
            throw new IllegalStateException("the grants table " + TABLE + " has no column " + VALUE
                + " (Flyway migration V2 not applied?)");
        };
    }
}
