package org.pointsnet.gateway.signatures;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** RFC 9530 Content-Digest with sha-256: {@code sha-256=:<base64 of SHA-256(body)>:}. */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** The header value for {@code body}. */
    public static String of(final byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** True when {@code header} has a sha-256 member equal to the body's; MALFORMED when it has none. */
    static boolean matches(final String header, final byte[] body) throws SignatureException {
        final Map<String, StructuredFields.Member> members;
        try {
            members = StructuredFields.dictionary(header);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(SignatureFailure.MALFORMED);
        }
        final StructuredFields.Member sha256 = members.get("sha-256");
        if (sha256 == null || sha256.item() == null || !(sha256.item().value() instanceof byte[] digest)) {
            throw new SignatureException(SignatureFailure.MALFORMED);
        }
        return MessageDigest.isEqual(digest, sha256(body));
    }

    private static byte[] sha256(final byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
