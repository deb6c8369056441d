package org.pointsnet.gateway.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data for the gateway's database: {@link #seal} encrypts with AES-256-GCM (JDK) under the current key,
 * a random 96-bit nonce per value, and the purpose (e.g. {@code "receipt.payload"}) as associated data, so a value
 * moved to another column does not open; {@link #open} accepts any known key. {@link #blindIndex} is a keyed
 * HMAC-SHA-256 for values that are only looked up by equality.
 *
 * <p>Sealed form: {@code v1.<keyId>.<base64url(nonce | ciphertext | tag)>} (ASCII, fits a VARCHAR column).
 */
public final class PersonalDataCipher {

    /** The prefix of every sealed value of this format. */
    public static final String VERSION = "v1";
    /** The blind-index purpose of network user ids (posting.user_ref, platform_user.user_ref). */
    public static final String USER_INDEX = "user";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AES = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(final PersonalDataKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** {@code plaintext} sealed for {@code purpose} under the current key. */
    public String seal(final String purpose, final String plaintext) {
        return seal(purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code plaintext} bytes sealed for {@code purpose} under the current key. */
    public String seal(final String purpose, final byte[] plaintext) {
        final String keyId = keys.currentKeyId();
        final byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            final Cipher cipher = Cipher.getInstance(AES);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.encryptionKey(keyId), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(purpose, keyId));
            final byte[] sealed = cipher.doFinal(plaintext);
            final byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The text {@link #seal(String, String)} sealed for {@code purpose}; PersonalDataException when it cannot. */
    public String open(final String purpose, final String sealed) {
        return new String(openBytes(purpose, sealed), StandardCharsets.UTF_8);
    }

    /** The bytes sealed for {@code purpose}; PersonalDataException when tampered, misplaced or under an unknown key. */
    public byte[] openBytes(final String purpose, final String sealed) {
        final String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new PersonalDataException("not a sealed value of format " + VERSION);
        }
        final byte[] key = keys.encryptionKey(parts[1]);
        if (key == null) {
            throw new PersonalDataException("sealed under key '" + parts[1] + "', which this gateway does not know");
        }
        final byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException("sealed value is not base64url");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("sealed value is too short");
        }
        try {
            final Cipher cipher = Cipher.getInstance(AES);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(purpose, parts[1]));
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("sealed value was altered, or sealed for another purpose or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The id of the key new values are sealed under. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /** True when {@code sealed} is under an older key than the current one (rotation re-seals it). */
    public boolean isStale(final String sealed) {
        return sealed != null && !sealed.startsWith(VERSION + "." + keys.currentKeyId() + ".");
    }

    /** The value re-sealed under the current key (same purpose). */
    public String reseal(final String purpose, final String sealed) {
        return seal(purpose, openBytes(purpose, sealed));
    }

    /**
     * The blind index of {@code value} for {@code purpose}: base64url(HMAC-SHA-256(index key, purpose NUL value)), 43
     * characters. Equal inputs give equal indexes, so a column can be searched; without the key nobody can test a
     * guess.
     */
    public String blindIndex(final String purpose, final String value) {
        try {
            final Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(keys.indexKey(), HMAC));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] aad(final String purpose, final String keyId) {
        return (VERSION + "\0" + keyId + "\0" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
