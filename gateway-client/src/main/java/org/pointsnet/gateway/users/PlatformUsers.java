package org.pointsnet.gateway.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform's users in the gateway's database (table {@code platform_user}, Flyway V4): the platform's own user id
 * only as a blind index, the network user id sealed. The network user id is random per registration
 * ({@link UserIds} over the platform user id and a random salt that is never stored), so once a person's row is
 * erased nobody, not even this gateway, can tie the on-chain pseudonym to them again.
 */
public final class PlatformUsers {

    /** The sealed network user id's purpose (associated data). */
    public static final String USER_ID_PURPOSE = "platform_user.user_id";
    /** The blind-index purpose of the platform's own user id (the login name). */
    static final String LOGIN_INDEX = "platform_user.login";
    /** What an erased person's postings are marked with instead of their user's blind index. */
    static final String ERASED = "erased";
    private static final int SALT_BYTES = 16;

    /** One sign-in account: its reference (the login's principal name), network user id and password hash. */
    public record Account(String userRef, String userId, Optional<String> passwordHash) {
        @Override
        public String toString() {
            return "Account[" + userRef + "]";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final UserIds userIds;
    private final ConsentStore consentRecords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PlatformUsers(final JdbcClient jdbc, final TransactionTemplate transactions,
                         final PersonalDataCipher cipher, final UserIds userIds, final ConsentStore consentRecords,
                         final Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.userIds = userIds;
        this.consentRecords = consentRecords;
        this.clock = clock;
    }

    /** The network user id of the platform's user: the one registered before, or a new one. */
    public String register(final String platformId, final String platformUserId) {
        final Optional<Account> existing = find(platformId, platformUserId);
        if (existing.isPresent()) {
            return existing.get().userId();
        }
        final byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        final String userId = userIds.userId(platformId,
            platformUserId + "\0" + Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
        try {
            jdbc.sql("INSERT INTO platform_user (login_ref, user_ref, user_id_sealed, created_at) VALUES (?, ?, ?, ?)")
                .params(loginRef(platformId, platformUserId), userRef(userId), cipher.seal(USER_ID_PURPOSE, userId),
                    clock.instant().getEpochSecond())
                .update();
            return userId;
        } catch (DuplicateKeyException e) {
            // Registered at the same moment by another request: that one's id holds.
            return find(platformId, platformUserId).orElseThrow(() -> e).userId();
        }
    }

    /** The account of the platform's user, when registered. */
    public Optional<Account> find(final String platformId, final String platformUserId) {
        return jdbc.sql("SELECT user_ref, user_id_sealed, password_hash FROM platform_user WHERE login_ref = ?")
            .param(loginRef(platformId, platformUserId))
            .query((rs, n) -> new Account(rs.getString(1), cipher.open(USER_ID_PURPOSE, rs.getString(2)),
                Optional.ofNullable(rs.getString(3))))
            .optional();
    }

    /** The network user id of an account reference (a login's principal name), while the account exists. */
    public Optional<String> userIdOfRef(final String userRef) {
        return jdbc.sql("SELECT user_id_sealed FROM platform_user WHERE user_ref = ?").param(userRef)
            .query(String.class).optional().map(sealed -> cipher.open(USER_ID_PURPOSE, sealed));
    }

    /** The blind index a network user id is stored and looked up by. */
    public String userRef(final String userId) {
        return cipher.blindIndex(PersonalDataCipher.USER_INDEX, userId);
    }

    /** Sets the password hash of a registered user; false when the user is not registered here. */
    boolean setPasswordHash(final String userId, final String hash) {
        return jdbc.sql("UPDATE platform_user SET password_hash = ? WHERE user_ref = ?").params(hash, userRef(userId))
            .update() == 1;
    }

    /** The stored password hash of a registered user. */
    Optional<String> passwordHash(final String userId) {
        return jdbc.sql("SELECT password_hash FROM platform_user WHERE user_ref = ?").param(userRef(userId))
            .query(String.class).optional().filter(hash -> hash != null);
    }

    /**
     * Everything this gateway holds about {@code userId}: registration time, whether a password is set, the
     * authorization server's grants and consents, and the postings of the projection. Empty when it holds nothing.
     */
    public PersonalData export(final String userId) {
        final String ref = userRef(userId);
        final Optional<Long> created = jdbc.sql("SELECT created_at FROM platform_user WHERE user_ref = ?").param(ref)
            .query(Long.class).optional();
        final boolean password = passwordHash(userId).isPresent();
        final int grants = jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ?").param(ref)
            .query(Integer.class).single();
        final List<Map<String, Object>> consents = jdbc.sql("SELECT registered_client_id, authorities FROM "
                + "oauth2_authorization_consent WHERE principal_name = ? ORDER BY registered_client_id").param(ref)
            .query((rs, n) -> Map.<String, Object>of("client", rs.getString(1), "authorities", rs.getString(2)))
            .list();
        final List<PersonalData.PostingRecord> postings = jdbc.sql("SELECT p.tx_id, p.platform_id, p.delta, r.type, "
                + "r.block_number, r.tx_timestamp FROM posting p JOIN receipt r ON r.tx_id = p.tx_id "
                + "WHERE p.user_ref = ? ORDER BY r.block_number, p.tx_id, p.seq").param(ref)
            .query((rs, n) -> new PersonalData.PostingRecord(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getString(4), rs.getLong(5), rs.getString(6)))
            .list();
        return new PersonalData(userId, created.map(Instant::ofEpochSecond).orElse(null), password, grants,
            consents, consentRecords.list(userId), postings);
    }

    /**
     * Erases {@code userId}'s off-chain data in one transaction: the account (its sealed id, login index and
     * password), the authorization server's grants (so every token of theirs stops working) and consents, their
     * consent records, and the link of the projection's postings to them. True when anything was held.
     */
    public boolean erase(final String userId) {
        final String ref = userRef(userId);
        final Integer changed = transactions.execute(status -> {
            int rows = jdbc.sql("DELETE FROM platform_user WHERE user_ref = ?").param(ref).update();
            rows += jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(ref).update();
            rows += jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ?").param(ref).update();
            rows += consentRecords.erase(userId);
            rows += jdbc.sql("UPDATE posting SET user_ref = ? WHERE user_ref = ?").params(ERASED, ref).update();
            return rows;
        });
        return changed != null && changed > 0;
    }

    private String loginRef(final String platformId, final String platformUserId) {
        return cipher.blindIndex(LOGIN_INDEX, platformId + "\0" + platformUserId);
    }
}
