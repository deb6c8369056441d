package org.pointsnet.gateway.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consents in the gateway's database (table {@code consent_record}, Flyway V5). A grant of a purpose that already
 * holds returns the holding consent; a withdrawal keeps the row with its withdrawal time. The user id and the other
 * platform are sealed with the {@link PersonalDataCipher}; rows are found by the user id's blind index.
 */
public final class ConsentStore {

    private static final String COLUMNS =
        "consent_id, user_id, purpose, platform_id, granted_at, withdrawn_at, digest";
    /** The purpose the user id column is sealed for (and its blind index keyed with). */
    public static final String USER_PURPOSE = "consent.user_id";
    /** The purpose the other platform's id column is sealed for. */
    public static final String PLATFORM_PURPOSE = "consent.platform_id";
    private static final String USER = USER_PURPOSE;
    private static final String PLATFORM = PLATFORM_PURPOSE;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public ConsentStore(final JdbcClient jdbc, final PersonalDataCipher cipher, final Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Records a consent, or returns the one of the same user, purpose and platform that holds already. */
    public Consent grant(final String userId, final ConsentPurpose purpose, final String platformId) {
        final Optional<Consent> holding = active(userId, purpose, platformId);
        if (holding.isPresent()) {
            return holding.get();
        }
        final String id = UUID.randomUUID().toString();
        final Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        final Consent consent = new Consent(id, userId, purpose, platformId, now, null,
            digest(id, userId, purpose, platformId, now));
        jdbc.sql("INSERT INTO consent_record (user_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")
            .params(cipher.blindIndex(USER, userId), id, cipher.seal(USER, userId), purpose.name(),
                platformId == null ? null : cipher.seal(PLATFORM, platformId), Timestamp.from(now), consent.digest())
            .update();
        return consent;
    }

    /** Every consent of the user, granted or withdrawn, oldest first. */
    public List<Consent> list(final String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE user_key = ? ORDER BY granted_at, consent_id")
            .param(cipher.blindIndex(USER, userId)).query(this::row).list();
    }

    /** The consent of this user, purpose and platform that holds now, if any. */
    public Optional<Consent> active(final String userId, final ConsentPurpose purpose, final String platformId) {
        return list(userId).stream()
            .filter(c -> c.active() && c.purpose() == purpose && Objects.equals(c.platformId(), platformId))
            .findFirst();
    }

    /**
     * Withdraws the user's consent {@code consentId} (a second withdrawal keeps the first time); empty when the user
     * has no such consent.
     */
    public Optional<Consent> withdraw(final String userId, final String consentId) {
        final Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("UPDATE consent_record SET withdrawn_at = ? WHERE consent_id = ? AND user_key = ? "
                + "AND withdrawn_at IS NULL")
            .params(Timestamp.from(now), consentId, cipher.blindIndex(USER, userId)).update();
        return list(userId).stream().filter(c -> c.consentId().equals(consentId)).findFirst();
    }

    /** Deletes every consent record of the user (erasure); the number deleted. */
    public int erase(final String userId) {
        return jdbc.sql("DELETE FROM consent_record WHERE user_key = ?").param(cipher.blindIndex(USER, userId))
            .update();
    }

    private Consent row(final ResultSet rs, final int rowNum) throws SQLException {
        final Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        final String platform = rs.getString("platform_id");
        return new Consent(rs.getString("consent_id"), cipher.open(USER, rs.getString("user_id")),
            ConsentPurpose.valueOf(rs.getString("purpose")), platform == null ? null : cipher.open(PLATFORM, platform),
            rs.getTimestamp("granted_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
            rs.getString("digest"));
    }

    /** SHA-256 over the consent's fields, each followed by a NUL: what the chain keeps as proof. */
    static String digest(final String id, final String userId, final ConsentPurpose purpose, final String platformId,
                         final Instant grantedAt) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (final String part : List.of(id, userId, purpose.name(), platformId == null ? "" : platformId,
                grantedAt.toString())) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
