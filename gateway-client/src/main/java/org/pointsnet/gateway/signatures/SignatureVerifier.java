package org.pointsnet.gateway.signatures;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a request's RFC 9421 signature against one client's registered key: the signature must cover
 * {@code @method}, {@code @path}, {@code @query} and, for a request with a body (any method but GET and HEAD),
 * {@code content-digest} matching the body; it must carry {@code created} (within the allowed skew), {@code nonce}
 * and the registered {@code keyid}. Whether the nonce is new is the caller's check ({@link NonceStore}), after this.
 */
public final class SignatureVerifier {

    /** Components every signature covers. */
    public static final List<String> REQUIRED = List.of("@method", "@path", "@query");
    /** The component a request with a body also covers. */
    public static final String CONTENT_DIGEST = "content-digest";
    private static final Set<String> BODYLESS = Set.of("GET", "HEAD");
    private static final int MAX_NONCE = 128;

    private final Duration maxSkew;

    public SignatureVerifier(final Duration maxSkew) {
        this.maxSkew = maxSkew;
    }

    /** The verified signature, or SignatureException naming the first thing wrong. */
    public VerifiedSignature verify(final MessageView message, final byte[] body, final String keyId,
                                    final PublicKey key, final Instant now) throws SignatureException {
        final String inputHeader = message.header("signature-input");
        final String signatureHeader = message.header("signature");
        if (inputHeader == null || signatureHeader == null) {
            throw new SignatureException(SignatureFailure.MISSING);
        }
        final Map<String, StructuredFields.Member> inputs;
        final Map<String, StructuredFields.Member> signatures;
        try {
            inputs = StructuredFields.dictionary(inputHeader);
            signatures = StructuredFields.dictionary(signatureHeader);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(SignatureFailure.MALFORMED);
        }
        final String label = label(inputs, keyId);
        final StructuredFields.Member input = inputs.get(label);
        final StructuredFields.Member signature = signatures.get(label);
        if (signature == null) {
            throw new SignatureException(SignatureFailure.MISSING);
        }
        if (input.items() == null || signature.item() == null || !(signature.item().value() instanceof byte[] sig)) {
            throw new SignatureException(SignatureFailure.MALFORMED);
        }
        final List<String> components = components(input);
        final Map<String, Object> params = input.params();
        final boolean hasBody = body.length > 0 || !BODYLESS.contains(message.method());
        if (!components.containsAll(REQUIRED) || hasBody && !components.contains(CONTENT_DIGEST)
            || !(params.get("created") instanceof Long created) || !(params.get("nonce") instanceof String nonce)
            || nonce.isEmpty() || nonce.length() > MAX_NONCE || !(params.get("keyid") instanceof String signedKeyId)) {
            throw new SignatureException(SignatureFailure.INCOMPLETE);
        }
        if (key == null || !signedKeyId.equals(keyId)) {
            throw new SignatureException(SignatureFailure.UNKNOWN_KEY);
        }
        final SigningAlgorithm algorithm = SigningAlgorithm.of(key);
        if (params.containsKey("alg") && !algorithm.alg().equals(params.get("alg"))) {
            throw new SignatureException(SignatureFailure.UNKNOWN_KEY);
        }
        final Instant createdAt = Instant.ofEpochSecond(created);
        if (Duration.between(createdAt, now).abs().compareTo(maxSkew) > 0
            || params.get("expires") instanceof Long expires && Instant.ofEpochSecond(expires).isBefore(now)) {
            throw new SignatureException(SignatureFailure.STALE);
        }
        final String digest = message.header(CONTENT_DIGEST);
        if (digest != null && !ContentDigest.matches(digest, body)) {
            throw new SignatureException(SignatureFailure.DIGEST_MISMATCH);
        }
        final String base = SignatureBase.of(components, params, message);
        if (!verifies(algorithm, key, base, sig)) {
            throw new SignatureException(SignatureFailure.BAD_SIGNATURE);
        }
        return new VerifiedSignature(signedKeyId, nonce, createdAt);
    }

    /** Checks {@code signature} over {@code base} with {@code key} (exposed for RFC 9421's test vectors). */
    public static boolean verifies(final SigningAlgorithm algorithm, final PublicKey key, final String base,
                                   final byte[] signature) {
        try {
            final Signature verifier = Signature.getInstance(algorithm.jca());
            verifier.initVerify(key);
            verifier.update(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The label whose keyid is the client's, or else the first one. */
    private static String label(final Map<String, StructuredFields.Member> inputs, final String keyId)
        throws SignatureException {
        if (inputs.isEmpty()) {
            throw new SignatureException(SignatureFailure.MISSING);
        }
        for (final Map.Entry<String, StructuredFields.Member> entry : inputs.entrySet()) {
            if (keyId != null && keyId.equals(entry.getValue().params().get("keyid"))) {
                return entry.getKey();
            }
        }
        return inputs.keySet().iterator().next();
    }

    private static List<String> components(final StructuredFields.Member input) throws SignatureException {
        final List<String> components = new ArrayList<>();
        for (final StructuredFields.Item item : input.items()) {
            if (!(item.value() instanceof String name) || !item.params().isEmpty() || components.contains(name)) {
                throw new SignatureException(SignatureFailure.MALFORMED);
            }
            components.add(name);
        }
        return components;
    }
}
