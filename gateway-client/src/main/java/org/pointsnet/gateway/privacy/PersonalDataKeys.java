package org.pointsnet.gateway.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The keys personal data is protected with: one blind-index key (HMAC-SHA-256; never rotated, lookups depend on it)
 * and one or more AES-256 encryption keys by key id, the last one current. Values sealed under an older key still
 * open; new values are sealed under the current one ({@link PersonalDataKeyFile} reads them from disk).
 */
public final class PersonalDataKeys {

    /** Key ids: short, printable, no separator of the sealed form. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    static final int KEY_BYTES = 32;

    private final byte[] indexKey;
    private final Map<String, byte[]> encryptionKeys;
    private final String currentKeyId;

    /**
     * @param indexKey       32 bytes or more, the blind-index key
     * @param encryptionKeys key id to 32-byte AES key, in order of creation: the last entry is the current key
     */
    public PersonalDataKeys(final byte[] indexKey, final Map<String, byte[]> encryptionKeys) {
        Objects.requireNonNull(indexKey, "indexKey");
        if (indexKey.length < KEY_BYTES) {
            throw new IllegalArgumentException("the blind-index key has fewer than " + KEY_BYTES + " bytes");
        }
        if (encryptionKeys == null || encryptionKeys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key");
        }
        final Map<String, byte[]> keys = new LinkedHashMap<>();
        String last = null;
        for (final Map.Entry<String, byte[]> entry : encryptionKeys.entrySet()) {
            if (!KEY_ID.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("key id '" + entry.getKey() + "' is not " + KEY_ID.pattern());
            }
            if (entry.getValue().length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + entry.getKey() + " is not " + KEY_BYTES + " bytes");
            }
            keys.put(entry.getKey(), entry.getValue().clone());
            last = entry.getKey();
        }
        this.indexKey = indexKey.clone();
        this.encryptionKeys = Collections.unmodifiableMap(keys);
        this.currentKeyId = last;
    }

    /** The id of the key new values are sealed under. */
    public String currentKeyId() {
        return currentKeyId;
    }

    byte[] indexKey() {
        return indexKey.clone();
    }

    /** The AES key of {@code keyId}, or null when this gateway does not know it. */
    byte[] encryptionKey(final String keyId) {
        final byte[] key = encryptionKeys.get(keyId);
        return key == null ? null : key.clone();
    }

    @Override
    public String toString() {
        // Never the keys themselves.
        return "PersonalDataKeys[current=" + currentKeyId + ", known=" + encryptionKeys.keySet() + "]";
    }
}
