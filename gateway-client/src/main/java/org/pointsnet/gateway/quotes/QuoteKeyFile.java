package org.pointsnet.gateway.quotes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.pointsnet.gateway.config.OwnerOnlyFile;

/**
 * The quote MAC key: 32 random bytes, base64 in an owner-only file (0600, its folder created 0700) that is created at
 * first start and reused, so quote ids survive a restart and several instances of one platform's gateway can share
 * it.
 */
public final class QuoteKeyFile {

    private static final int KEY_BYTES = 32;

    private QuoteKeyFile() {
    }

    /** The key in {@code file}, creating the file first when it does not exist. */
    public static byte[] loadOrCreate(final Path file) {
        try {
            OwnerOnlyFile.createIfAbsent(file, Base64.getEncoder().encodeToString(ephemeral()));
            final byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalArgumentException("fewer than " + KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            // The message names the file only: the exception could quote the key.
            throw new IllegalStateException("quote key " + file + " cannot be read or created", e);
        }
    }

    /** A fresh key that lives only in memory: a restart invalidates the quote ids issued before. */
    public static byte[] ephemeral() {
        final byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
