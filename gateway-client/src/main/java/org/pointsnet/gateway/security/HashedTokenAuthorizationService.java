package org.pointsnet.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps bearer credentials out of the gateway's database: access tokens, refresh tokens and authorization codes are
 * stored as {@code sha256:<base64url(SHA-256(value))>} and looked up by that hash. Whoever reads the database (a
 * backup, a copied H2 file) holds no token anyone would accept.
 *
 * <p>A grant read back by {@link #findByToken} carries the presented value again for the token that was asked for
 * (revocation and introspection compare values); every other token of it stays a hash, which is never re-hashed.
 */
public final class HashedTokenAuthorizationService implements OAuth2AuthorizationService {

    /** Marks a stored hash, so a stored hash is never hashed twice when a grant read back is saved again. */
    static final String PREFIX = "sha256:";

    /** The token type of authorization codes, as the authorization server asks for them. */
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    /** The authorization request's state, kept in clear (it is no credential). */
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private static final List<Class<? extends OAuth2Token>> HASHED_TYPES =
        List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class, OAuth2RefreshToken.class);

    private final OAuth2AuthorizationService store;

    public HashedTokenAuthorizationService(final OAuth2AuthorizationService store) {
        this.store = store;
    }

    @Override
    public void save(final OAuth2Authorization authorization) {
        store.save(hashed(authorization));
    }

    @Override
    public void remove(final OAuth2Authorization authorization) {
        store.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(final String id) {
        return store.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(final String token, final OAuth2TokenType tokenType) {
        if (token == null || !hashes(tokenType)) {
            return store.findByToken(token, tokenType);
        }
        // A presented value is always hashed, even one that looks like a stored hash: whoever copied the database
        // cannot present what is in it.
        final String hash = hash(token);
        final OAuth2Authorization found = store.findByToken(hash, tokenType);
        if (found == null) {
            // Any type: the value may still be a state, the one value the store keeps in clear.
            return tokenType == null ? store.findByToken(token, STATE) : null;
        }
        final OAuth2Authorization.Token<?> stored = found.getToken(hash);
        return stored == null ? found : withValue(found, stored, token);
    }

    /** SHA-256 of a token value, as stored. */
    static String hash(final String value) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Null asks every token column; state and OIDC/device values are not bearer credentials of this gateway. */
    private static boolean hashes(final OAuth2TokenType type) {
        return type == null || OAuth2TokenType.ACCESS_TOKEN.equals(type) || OAuth2TokenType.REFRESH_TOKEN.equals(type)
            || CODE.equals(type);
    }

    private static OAuth2Authorization hashed(final OAuth2Authorization authorization) {
        OAuth2Authorization out = authorization;
        for (final Class<? extends OAuth2Token> type : HASHED_TYPES) {
            final OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null && !token.getToken().getTokenValue().startsWith(PREFIX)) {
                out = withValue(out, token, hash(token.getToken().getTokenValue()));
            }
        }
        return out;
    }

    /** The grant with {@code token} replaced by the same token (times, scopes, metadata) holding {@code value}. */
    private static OAuth2Authorization withValue(final OAuth2Authorization authorization,
                                                 final OAuth2Authorization.Token<?> token, final String value) {
        final OAuth2Token original = token.getToken();
        final OAuth2Token replaced;
        if (original instanceof OAuth2AccessToken access) {
            replaced = new OAuth2AccessToken(access.getTokenType(), value, access.getIssuedAt(), access.getExpiresAt(),
                access.getScopes());
        } else if (original instanceof OAuth2RefreshToken) {
            replaced = new OAuth2RefreshToken(value, original.getIssuedAt(), original.getExpiresAt());
        } else if (original instanceof OAuth2AuthorizationCode) {
            replaced = new OAuth2AuthorizationCode(value, original.getIssuedAt(), original.getExpiresAt());
        } else {
            return authorization;
        }
        return OAuth2Authorization.from(authorization)
            .token(replaced, metadata -> metadata.putAll(withoutUserId(token.getMetadata())))
            .build();
    }

    /**
     * The token's metadata without the user id claim: the stored claims would otherwise hold the network user id in
     * clear (docs/architecture.md, "Personal data at rest"); the token itself still carries it.
     */
    private static Map<String, Object> withoutUserId(final Map<String, Object> metadata) {
        if (!(metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME) instanceof Map<?, ?> claims)
            || !claims.containsKey(TokenClaims.USER_ID)) {
            return metadata;
        }
        final Map<String, Object> redacted = new HashMap<>();
        claims.forEach((name, value) -> redacted.put(String.valueOf(name), value));
        redacted.remove(TokenClaims.USER_ID);
        final Map<String, Object> out = new HashMap<>(metadata);
        out.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, redacted);
        return out;
    }
}
