package org.pointsnet.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    private static final String PURPOSE = "receipt.payload";
    private static final String USER = "platform-a.Zx8kq0Jd3vLrM2aYtWcQ9pHnE1uBfK7sG4oXiV6lR5w";

    @TempDir
    Path dir;

    @Test
    void roundTripGivesTheValueBackAndNeverShowsItInTheSealedForm() {
        final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());
        final String sealed = cipher.seal(PURPOSE, USER);

        assertThat(sealed).startsWith("v1.k1.").doesNotContain(USER).doesNotContain("Zx8kq0");
        assertThat(cipher.open(PURPOSE, sealed)).isEqualTo(USER);
        // A random nonce per value: the same value never seals the same way twice.
        assertThat(cipher.seal(PURPOSE, USER)).isNotEqualTo(sealed);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());
        final String sealed = cipher.seal(PURPOSE, USER);
        final byte[] data = Base64.getUrlDecoder().decode(sealed.substring("v1.k1.".length()));
        data[data.length / 2] ^= 1;
        final String tampered = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(data);

        assertThatThrownBy(() -> cipher.open(PURPOSE, tampered)).isInstanceOf(PersonalDataException.class)
            .hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.open(PURPOSE, "v1.k1.!!")).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> cipher.open(PURPOSE, USER)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void aValueSealedForAnotherPurposeDoesNotOpen() {
        final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());
        final String sealed = cipher.seal("user.id", USER);

        assertThatThrownBy(() -> cipher.open(PURPOSE, sealed)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void anotherGatewaysKeysDoNotOpenIt() {
        final String sealed = new PersonalDataCipher(PersonalDataKeyFile.ephemeral()).seal(PURPOSE, USER);
        final PersonalDataCipher other = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());

        assertThatThrownBy(() -> other.open(PURPOSE, sealed)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void rotationSealsUnderTheNewKeyAndStillOpensTheOldOnes() throws Exception {
        final Path file = dir.resolve("keys").resolve("personal-data-keys");
        final PersonalDataCipher before = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));
        final String old = before.seal(PURPOSE, USER);
        Files.writeString(file, "key k2 " + PersonalDataKeyFile.randomKey() + "\n", StandardCharsets.US_ASCII,
            java.nio.file.StandardOpenOption.APPEND);

        final PersonalDataCipher after = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));
        assertThat(after.open(PURPOSE, old)).isEqualTo(USER);
        assertThat(after.isStale(old)).isTrue();
        final String resealed = after.reseal(PURPOSE, old);
        assertThat(resealed).startsWith("v1.k2.");
        assertThat(after.isStale(resealed)).isFalse();
        assertThat(after.open(PURPOSE, resealed)).isEqualTo(USER);
        // The blind index does not rotate: lookups keep finding rows written before.
        assertThat(after.blindIndex("user", USER)).isEqualTo(before.blindIndex("user", USER));
        // A key dropped from the file: what it sealed no longer opens.
        final List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.removeIf(line -> line.startsWith("key k1 "));
        final PersonalDataCipher dropped = new PersonalDataCipher(PersonalDataKeyFile.parse(lines));
        assertThatThrownBy(() -> dropped.open(PURPOSE, old)).isInstanceOf(PersonalDataException.class)
            .hasMessageContaining("'k1'");
    }

    @Test
    void theKeyFileIsOwnerOnlyInAnOwnerOnlyFolderAndReusedAcrossStarts() throws Exception {
        final Path file = dir.resolve("secrets").resolve("personal-data-keys");
        final PersonalDataCipher first = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));
        final PersonalDataCipher second = new PersonalDataCipher(PersonalDataKeyFile.loadOrCreate(file));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
        assertThat(second.open(PURPOSE, first.seal(PURPOSE, USER))).isEqualTo(USER);
    }

    @Test
    void blindIndexIsStablePerPurposeAndKeyedPerGateway() {
        final PersonalDataKeys keys = PersonalDataKeyFile.ephemeral();
        final PersonalDataCipher cipher = new PersonalDataCipher(keys);

        assertThat(cipher.blindIndex("user", USER)).isEqualTo(new PersonalDataCipher(keys).blindIndex("user", USER))
            .hasSize(43).doesNotContain(USER);
        assertThat(cipher.blindIndex("login", USER)).isNotEqualTo(cipher.blindIndex("user", USER));
        assertThat(new PersonalDataCipher(PersonalDataKeyFile.ephemeral()).blindIndex("user", USER))
            .isNotEqualTo(cipher.blindIndex("user", USER));
    }

    @Test
    void aMalformedKeyFileIsRefusedWithoutQuotingKeys() {
        assertThatThrownBy(() -> PersonalDataKeyFile.parse(List.of("key k1 " + PersonalDataKeyFile.randomKey())))
            .hasMessageContaining("no 'index' line");
        assertThatThrownBy(() -> PersonalDataKeyFile.parse(List.of("index " + PersonalDataKeyFile.randomKey())))
            .hasMessageContaining("no encryption key");
        assertThatThrownBy(() -> PersonalDataKeyFile.parse(List.of("index " + PersonalDataKeyFile.randomKey(),
            "key k/1 " + PersonalDataKeyFile.randomKey()))).hasMessageContaining("key id");
        assertThatThrownBy(() -> PersonalDataKeyFile.parse(List.of("secret sauce"))).hasMessageNotContaining("sauce");
    }
}
