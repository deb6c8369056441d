package org.pointsnet.gateway.users;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;

/**
 * Pseudonymous network user ids: {@code <platformId>.<base64url(HMAC-SHA256(key, platformId NUL
 * platformUserId))>} cut to 64 characters. Same platform and platform user, same id; without the key (config
 * {@code pointsnet.users.hmac-key}, at least 32 characters, generated per network and never committed) nobody
 * can link an id to the platform's user.
 */
public final class UserIds {

    public static final int MIN_KEY_LENGTH = 32;

    private final byte[] key;

    /** @param key the configured key, or null/blank when not configured (then {@link #userId} answers 503) */
    public UserIds(final String key) {
        if (key == null || key.isBlank()) {
            this.key = null;
        } else if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("pointsnet.users.hmac-key must have at least " + MIN_KEY_LENGTH
                + " characters");
        } else {
            this.key = key.getBytes(StandardCharsets.UTF_8);
        }
    }

    public String userId(final String platformId, final String platformUserId) {
        if (key == null) {
            throw new ApiRequestException(ErrorCode.NOT_CONFIGURED,
                "User ids cannot be issued: this gateway has no user id key configured.");
        }
        final byte[] mac;
        try {
            final Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(platformId.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            mac = hmac.doFinal(platformUserId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        final String id = platformId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        return id.length() <= Limits.MAX_ID ? id : id.substring(0, Limits.MAX_ID);
    }
}
