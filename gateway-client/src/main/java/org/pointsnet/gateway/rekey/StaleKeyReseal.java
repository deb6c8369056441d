package org.pointsnet.gateway.rekey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataException;
import org.pointsnet.gateway.projection.ProjectionStore;
import org.pointsnet.gateway.users.PlatformUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-seals, at start, every stored value sealed under a key older than the current one (docs/operations.md,
 * "Personal data keys"): the sealed network user ids, receipt payloads, set-aside payloads and consent records.
 * Each row is rewritten only if it still holds the value read, so a concurrent writer is never overwritten. When it
 * is done, the older keys can be removed from the key file.
 */
public final class StaleKeyReseal {

    private static final Logger LOG = LoggerFactory.getLogger(StaleKeyReseal.class);

    /** A sealed column: its table, the row's key column and the purpose it was sealed for. */
    record Column(String table, String key, String column, String purpose, boolean binary) {
    }

    static final List<Column> COLUMNS = List.of(
        new Column("platform_user", "login_ref", "user_id_sealed", PlatformUsers.USER_ID_PURPOSE, false),
        new Column("receipt", "tx_id", "payload_sealed", ProjectionStore.PAYLOAD_PURPOSE, false),
        new Column("projection_set_aside", "tx_id", "payload", ProjectionStore.SET_ASIDE_PURPOSE, true),
        new Column("consent_record", "consent_id", "user_id", ConsentStore.USER_PURPOSE, false),
        new Column("consent_record", "consent_id", "platform_id", ConsentStore.PLATFORM_PURPOSE, false));

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    public StaleKeyReseal(final JdbcClient jdbc, final PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Re-seals every stale value; returns how many were rewritten. */
    public int run() {
        int total = 0;
        int unreadable = 0;
        for (final Column column : COLUMNS) {
            final String current = PersonalDataCipher.VERSION + "." + cipher.currentKeyId() + ".";
            final List<Object[]> rows = jdbc.sql("SELECT " + column.key() + ", " + column.column() + " FROM "
                    + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                .query((rs, n) -> new Object[] {rs.getString(1),
                    column.binary() ? new String(rs.getBytes(2), StandardCharsets.US_ASCII) : rs.getString(2)})
                .list();
            for (final Object[] row : rows) {
                final String sealed = (String) row[1];
                if (sealed.startsWith(current)) {
                    continue;
                }
                final String resealed;
                try {
                    resealed = cipher.reseal(column.purpose(), sealed);
                } catch (PersonalDataException e) {
                    // Under a key no longer in the file (or altered): it stays as it is, and cannot be read.
                    unreadable++;
                    continue;
                }
                final Object newValue = column.binary() ? resealed.getBytes(StandardCharsets.US_ASCII) : resealed;
                final Object oldValue = column.binary() ? sealed.getBytes(StandardCharsets.US_ASCII) : sealed;
                total += jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE "
                        + column.key() + " = ? AND " + column.column() + " = ?")
                    .params(newValue, row[0], oldValue).update();
            }
        }
        if (unreadable > 0) {
            LOG.warn("{} stored personal data values are sealed under keys the key file no longer has: they cannot be "
                + "read (docs/operations.md, \"Personal data keys\")", unreadable);
        }
        if (total > 0) {
            LOG.info("re-sealed {} personal data values under key {}", total, cipher.currentKeyId());
        }
        return total;
    }
}
