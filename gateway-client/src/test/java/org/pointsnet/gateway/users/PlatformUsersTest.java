package org.pointsnet.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.consent.Consent;
import org.pointsnet.gateway.consent.ConsentPurpose;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform's user accounts (Flyway V4 on H2): pseudonyms kept sealed, exported and erased. */
public class PlatformUsersTest {

    private static final String A = "platform-a";
    private JdbcClient jdbc;
    private PlatformUsers users;
    private ConsentStore consents;

    /** Accounts over a migrated database, with keys in memory. */
    public static PlatformUsers users(final JdbcClient jdbc) {
        final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());
        return new PlatformUsers(jdbc, null, cipher, new UserIds("0123456789abcdef0123456789abcdef-test-key"),
            new ConsentStore(jdbc, cipher, Clock.systemUTC()), Clock.systemUTC());
    }

    @BeforeEach
    void migrate() {
        final DataSource data = TestDatabase.migratedH2();
        jdbc = JdbcClient.create(data);
        final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());
        consents = new ConsentStore(jdbc, cipher, Clock.systemUTC());
        users = new PlatformUsers(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)), cipher,
            new UserIds("0123456789abcdef0123456789abcdef-test-key"), consents, Clock.systemUTC());
    }

    @Test
    void aPlatformUserKeepsOneIdThatIsStoredOnlySealed() {
        final String alice = users.register(A, "alice@example");

        assertThat(users.register(A, "alice@example")).isEqualTo(alice);
        assertThat(users.register(A, "bob@example")).isNotEqualTo(alice).startsWith(A + ".");
        assertThat(alice).startsWith(A + ".");
        final Map<String, Object> row = jdbc.sql("SELECT * FROM platform_user WHERE user_ref = ?")
            .param(users.userRef(alice)).query().singleRow();
        assertThat(row.values().toString()).doesNotContain(alice).doesNotContain("alice@example")
            .doesNotContain(alice.substring(A.length() + 1, A.length() + 12));
        assertThat(users.find(A, "alice@example").orElseThrow().userId()).isEqualTo(alice);
        assertThat(users.userIdOfRef(users.userRef(alice))).contains(alice);
    }

    @Test
    void exportListsWhatIsHeldAndErasureLeavesNothingTiedToThePerson() {
        final String alice = users.register(A, "alice@example");
        final String ref = users.userRef(alice);
        assertThat(users.setPasswordHash(alice, "{noop}x")).isTrue();
        jdbc.sql("INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, "
                + "authorization_grant_type, access_token_expires_at) VALUES ('g1', 'c', ?, 'authorization_code', ?)")
            .params(ref, Timestamp.from(Instant.now().plusSeconds(60))).update();
        jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) "
            + "VALUES ('c', ?, 'SCOPE_points.read')").param(ref).update();
        jdbc.sql("INSERT INTO receipt (tx_id, block_number, type, request_ref, platform_id, tx_timestamp, "
            + "payload_sealed) VALUES ('t1', 3, 'ISSUE', 'r1', ?, '2026-11-30T12:00:00Z', 'v1.k1.x')").param(A).update();
        jdbc.sql("INSERT INTO posting (tx_id, seq, platform_id, user_ref, delta) VALUES ('t1', 0, ?, ?, 100)")
            .params(A, ref).update();
        consents.grant(alice, ConsentPurpose.SHARE_BALANCES, "platform-b");

        final PersonalData before = users.export(alice);
        assertThat(before.empty()).isFalse();
        assertThat(before.passwordSet()).isTrue();
        assertThat(before.grants()).isEqualTo(1);
        assertThat(before.consents()).hasSize(1);
        assertThat(before.consentRecords()).extracting(Consent::purpose).containsExactly(ConsentPurpose.SHARE_BALANCES);
        assertThat(before.postings()).containsExactly(
            new PersonalData.PostingRecord("t1", A, 100, "ISSUE", 3, "2026-11-30T12:00:00Z"));

        assertThat(users.erase(alice)).isTrue();

        final PersonalData after = users.export(alice);
        assertThat(after.empty()).isTrue();
        assertThat(consents.list(alice)).isEmpty();
        assertThat(users.find(A, "alice@example")).isEmpty();
        // The posting stays (the supply is the chain's) but is no longer tied to anyone.
        assertThat(jdbc.sql("SELECT user_ref FROM posting").query(String.class).list()).isEqualTo(List.of("erased"));
        // Registered again, the person gets a new pseudonym: the old one cannot be recomputed.
        assertThat(users.register(A, "alice@example")).isNotEqualTo(alice);
        assertThat(users.erase("platform-a.nobody")).isFalse();
    }
}
