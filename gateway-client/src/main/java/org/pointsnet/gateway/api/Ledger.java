package org.pointsnet.gateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.security.CallerContext;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** What the controllers share: the caller checks and the reading of query answers. */
final class Ledger {

    private Ledger() {
    }

    /** The caller's platform; 403 when the request acts for none. */
    static String caller(final CallerContext caller) {
        return caller.platformId().orElseThrow(() -> new ApiRequestException(ErrorCode.FORBIDDEN,
            "The request does not act for a platform."));
    }

    /** 403 unless the caller is {@code platformId}: a platform client acts only for its own platform. */
    static String requireCaller(final CallerContext caller, final String platformId) {
        final String own = caller(caller);
        if (!own.equals(platformId)) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN,
                "A platform client acts only for its own platform ('" + own + "').");
        }
        return own;
    }

    /** 403 when an end-user token names another user: a user token acts only for its own user. */
    static String requireUser(final CallerContext caller, final String userId) {
        final String own = caller.userId().orElse(userId);
        if (!own.equals(userId)) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN, "A user token acts only for its own user.");
        }
        return userId;
    }

    /**
     * The chaincode request id of a write: the validated Idempotency-Key of a platform back end as it is, and for an
     * end user's token {@code ~u} + base64url(SHA-256(platform NUL user NUL key)). Keys are thereby scoped to the
     * caller: a user who sends the back end's next key (or another user's) gets a request id of their own and can
     * neither replay nor block the other's request. Back-end keys cannot start with {@code ~} (Validation).
     */
    static String requestId(final CallerContext caller, final String key) {
        final String valid = Validation.idempotencyKey(key);
        final Optional<String> user = caller.userId();
        if (user.isEmpty()) {
            return valid;
        }
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(caller.platformId().orElse("").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(user.get().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            final byte[] digest = sha.digest(valid.getBytes(StandardCharsets.UTF_8));
            return Validation.USER_SCOPED + "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Whose data a read of {@code userId}'s balances or history may show: an end user's token reads only its own user,
     * on every platform (empty: no restriction); a platform's back end reads only its own platform's users (ids it
     * issued, {@code <platformId>.…}; 403 otherwise) and only on its own platform (the platform id to restrict the
     * answer to). A user's holdings on other platforms need that user's own token.
     */
    static Optional<String> readerScope(final CallerContext caller, final String userId) {
        if (caller.userId().isPresent()) {
            requireUser(caller, userId);
            return Optional.empty();
        }
        final String own = caller(caller);
        if (!userId.startsWith(own + ".")) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN,
                "A platform client reads only its own platform's users ('" + own + ".…').");
        }
        return Optional.of(own);
    }

    /** A query's answer, passed to the client as the chaincode wrote it: a JSON object or array. */
    static JsonNode answer(final LedgerFunction function, final String json) {
        try {
            final JsonNode node = JsonRequest.JSON.readTree(json);
            if (node != null && (node.isObject() || node.isArray())) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new LedgerFailureException(function + " returned something other than JSON", null, null);
    }
}
