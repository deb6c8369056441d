package org.pointsnet.gateway.signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a request the way {@link SignatureVerifier} wants it: a back end's reference (docs/operations.md, "Signed
 * requests") and what the tests sign with. Label {@code sig1}; covers {@code @method}, {@code @path}, {@code @query}
 * and, with a body, {@code content-digest}; parameters {@code created}, {@code nonce}, {@code keyid}, {@code alg}.
 */
public final class RequestSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final String keyId;
    private final SigningAlgorithm algorithm;

    public RequestSigner(final PrivateKey key, final String keyId) {
        this.key = key;
        this.keyId = keyId;
        this.algorithm = SigningAlgorithm.of(key);
    }

    /** A fresh random nonce: 16 bytes, base64url. */
    public static String newNonce() {
        final byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /**
     * The headers to add: Content-Digest (with a body), Signature-Input and Signature.
     *
     * @param query the raw query without '?', or null
     * @param body  the exact bytes that will be sent (empty for none)
     */
    public Map<String, String> sign(final String method, final String path, final String query, final byte[] body,
                                    final Instant created, final String nonce) {
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> components = new ArrayList<>(SignatureVerifier.REQUIRED);
        final boolean withBody = body.length > 0 || !"GET".equals(method) && !"HEAD".equals(method);
        if (withBody) {
            headers.put("Content-Digest", ContentDigest.of(body));
            components.add(SignatureVerifier.CONTENT_DIGEST);
        }
        final Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", created.getEpochSecond());
        params.put("nonce", nonce);
        params.put("keyid", keyId);
        params.put("alg", algorithm.alg());
        final MessageView message = new MessageView() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String query() {
                return query;
            }

            @Override
            public String authority() {
                return null;
            }

            @Override
            public String header(final String name) {
                return SignatureVerifier.CONTENT_DIGEST.equals(name) ? headers.get("Content-Digest") : null;
            }
        };
        final String base;
        try {
            base = SignatureBase.of(components, params, message);
            final Signature signer = Signature.getInstance(algorithm.jca());
            signer.initSign(key);
            signer.update(base.getBytes(StandardCharsets.UTF_8));
            headers.put("Signature-Input", "sig1=" + StructuredFields.serializeInnerList(components, params));
            headers.put("Signature", "sig1=:" + Base64.getEncoder().encodeToString(signer.sign()) + ":");
        } catch (SignatureException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
        return headers;
    }
}
