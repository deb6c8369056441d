package org.pointsnet.gateway.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.users.PlatformUsers;
import org.pointsnet.gateway.users.UserIds;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Key rotation: after a key is appended, a start re-seals what the older key sealed; lookups keep working. */
class StaleKeyResealTest {

    @TempDir
    Path dir;

    @Test
    void valuesUnderTheOldKeyAreResealedUnderTheNewOneAndStillFound() throws Exception {
        final DataSource data = TestDatabase.migratedH2();
        final JdbcClient jdbc = JdbcClient.create(data);
        final Path file = dir.resolve("personal-data-keys");
        final UserIds ids = new UserIds("0123456789abcdef0123456789abcdef-test-key");
        final PersonalDataCipher first = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));
        final PlatformUsers before = new PlatformUsers(jdbc, null, first, ids,
            new ConsentStore(jdbc, first, Clock.systemUTC()), Clock.systemUTC());
        final String alice = before.register("platform-a", "alice");
        jdbc.sql("INSERT INTO receipt (tx_id, block_number, type, request_ref, platform_id, tx_timestamp, "
                + "payload_sealed) VALUES ('t1', 1, 'ISSUE', 'r', 'platform-a', 't', ?)")
            .param(new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file))
                .seal(org.pointsnet.gateway.projection.ProjectionStore.PAYLOAD_PURPOSE, "{\"userId\":\"x\"}"))
            .update();

        Files.writeString(file, "key k2 " + PersonalDataKeyFile.randomKey() + "\n", StandardCharsets.US_ASCII,
            StandardOpenOption.APPEND);
        final PersonalDataCipher rotated = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));
        final int resealed = new StaleKeyReseal(jdbc, rotated).run();

        assertThat(resealed).isEqualTo(2);
        assertThat(jdbc.sql("SELECT user_id_sealed FROM platform_user").query(String.class).single())
            .startsWith("v1.k2.");
        assertThat(jdbc.sql("SELECT payload_sealed FROM receipt").query(String.class).single()).startsWith("v1.k2.");
        final PlatformUsers after = new PlatformUsers(jdbc, null, rotated, ids,
            new ConsentStore(jdbc, rotated, Clock.systemUTC()), Clock.systemUTC());
        assertThat(after.register("platform-a", "alice")).isEqualTo(alice);
        assertThat(new StaleKeyReseal(jdbc, rotated).run()).isZero();
    }
}
