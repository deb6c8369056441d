package org.pointsnet.gateway.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.HexFormat;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes set-aside events into {@code projection_set_aside}, inside the caller's transaction (the block's). The
 * payload (it may name users) is kept sealed ({@link PersonalDataCipher}, purpose {@value #PURPOSE}) when the sealed
 * form fits {@link #MAX_STORED_PAYLOAD} bytes; always its SHA-256 and size, so a larger one can still be matched with
 * the block.
 */
final class SetAsideStore {

    static final int MAX_STORED_PAYLOAD = 8192;
    /** The sealed payload's purpose (associated data). */
    static final String PURPOSE = "projection_set_aside.payload";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    SetAsideStore(final JdbcClient jdbc, final PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(final SetAside event) {
        final Integer present = jdbc.sql("SELECT COUNT(*) FROM projection_set_aside WHERE block_number = ? "
                + "AND tx_index = ?")
            .params(event.blockNumber(), event.txIndex()).query(Integer.class).single();
        if (present > 0) {
            return; // a second event of the same transaction: the first one's row says it
        }
        final byte[] payload = event.payload().toByteArray();
        final byte[] sealed = cipher.seal(PURPOSE, payload).getBytes(StandardCharsets.US_ASCII);
        jdbc.sql("INSERT INTO projection_set_aside (block_number, tx_index, tx_id, reason, detail, payload_sha256, "
                + "payload_size, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(event.blockNumber(), event.txIndex(), event.txId(), event.reason().name(), event.detail(),
                sha256(payload), payload.length,
                new SqlParameterValue(Types.VARBINARY, sealed.length <= MAX_STORED_PAYLOAD ? sealed : null))
            .update();
    }

    static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
