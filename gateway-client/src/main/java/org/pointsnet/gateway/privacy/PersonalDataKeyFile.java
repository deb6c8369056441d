package org.pointsnet.gateway.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointsnet.gateway.config.OwnerOnlyFile;

/**
 * The personal data key file: owner-only (0600, its folder created 0700), created at first start, one key per line:
 * <pre>
 * index &lt;base64 of 32 bytes&gt;       the blind-index key (never changes)
 * key &lt;id&gt; &lt;base64 of 32 bytes&gt;    an AES-256 key; the last "key" line is the current one
 * </pre>
 * Rotation appends a {@code key} line with a new id and restarts the gateway, which then re-seals older values
 * (docs/operations.md, "Personal data keys").
 */
public final class PersonalDataKeyFile {

    /** The id of the first encryption key of a new file. */
    public static final String FIRST_KEY_ID = "k1";

    private PersonalDataKeyFile() {
    }

    /** The keys in {@code file}, creating the file with fresh keys first when it does not exist. */
    public static PersonalDataKeys loadOrCreate(final Path file) {
        try {
            OwnerOnlyFile.createIfAbsent(file, fresh());
            return parse(Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            // The message names the file only: the exception could quote a key.
            throw new IllegalStateException("personal data key file " + file + " cannot be read or created: "
                + (e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    /** Fresh keys that live only in memory: what they sealed cannot be read after a restart. */
    public static PersonalDataKeys ephemeral() {
        return parse(List.of(fresh().split("\n")));
    }

    /** Keys from the file's lines; blank lines and {@code #} comments are skipped. */
    static PersonalDataKeys parse(final List<String> lines) {
        byte[] index = null;
        final Map<String, byte[]> keys = new LinkedHashMap<>();
        for (final String raw : lines) {
            final String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] parts = line.split("\\s+");
            if ("index".equals(parts[0]) && parts.length == 2 && index == null) {
                index = decode(parts[1]);
            } else if ("key".equals(parts[0]) && parts.length == 3 && !keys.containsKey(parts[1])) {
                keys.put(parts[1], decode(parts[2]));
            } else {
                // Names the kind of line only, never its key material.
                throw new IllegalArgumentException("a line is neither 'index <base64>' nor 'key <id> <base64>' with a "
                    + "new id (a second index line or a repeated key id)");
            }
        }
        if (index == null) {
            throw new IllegalArgumentException("no 'index' line");
        }
        return new PersonalDataKeys(index, keys);
    }

    private static byte[] decode(final String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key is not base64");
        }
    }

    /** A new file's content: an index key and the first encryption key. */
    static String fresh() {
        return "# PointsNet personal data keys: owner-only, never committed (docs/operations.md)\n"
            + "index " + randomKey() + "\n"
            + "key " + FIRST_KEY_ID + " " + randomKey() + "\n";
    }

    /** 32 random bytes, base64: a new key line's material. */
    public static String randomKey() {
        final byte[] key = new byte[PersonalDataKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
