package org.pointsnet.gateway.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 9421 and RFC 9530 test vectors, and each way a signed request is refused. */
class SignatureVerifierTest {

    /** RFC 9421 appendix B.1.4, test-key-ed25519. */
    private static final String ED25519_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    private static final String ED25519_PUBLIC = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String PATH = "/api/v1/issuances";
    private static final byte[] BODY = "{\"userId\":\"platform-b.u1\",\"amount\":100}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** A request as the verifier sees it. */
    private record Request(String method, String path, String query, String authority, Map<String, String> headers)
        implements MessageView {
        @Override
        public String header(final String name) {
            return headers.get(name);
        }
    }

    private static Request request(final String method, final String path, final String query,
                                   final Map<String, String> signed) {
        final Map<String, String> headers = new HashMap<>();
        signed.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new Request(method, path, query, "localhost:8082", headers);
    }

    @Test
    void rfc9421B26Ed25519SignatureBaseAndSignature() throws Exception {
        final Map<String, String> headers = Map.of("date", "Tue, 20 Apr 2021 02:07:55 GMT",
            "content-type", "application/json", "content-length", "18");
        final Request message = new Request("POST", "/foo", "param=Value&Pet=dog", "example.com", headers);
        final Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", 1618884473L);
        params.put("keyid", "test-key-ed25519");

        final String base = SignatureBase.of(List.of("date", "@method", "@path", "@authority", "content-type",
            "content-length"), params, message);

        assertThat(base).isEqualTo("\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
            + "\"@method\": POST\n"
            + "\"@path\": /foo\n"
            + "\"@authority\": example.com\n"
            + "\"content-type\": application/json\n"
            + "\"content-length\": 18\n"
            + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
            + "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
        final byte[] expected = Base64.getDecoder().decode(
            "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");
        assertThat(SignatureVerifier.verifies(SigningAlgorithm.ED25519, rfcPublic(), base, expected)).isTrue();
        // Ed25519 is deterministic: signing the base gives the RFC's signature byte for byte.
        final java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(
            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(ED25519_PRIVATE))));
        signer.update(base.getBytes(StandardCharsets.UTF_8));
        assertThat(signer.sign()).isEqualTo(expected);
        // The signature-input header of the RFC parses back to the same parameters line.
        final StructuredFields.Member input = StructuredFields.dictionary("sig-b26=(\"date\" \"@method\" \"@path\" "
            + "\"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"")
            .get("sig-b26");
        assertThat(input.params()).isEqualTo(params);
        assertThat(input.items()).hasSize(6);
    }

    @Test
    void rfc9530ContentDigestExample() throws Exception {
        final byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentDigest.of(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.matches("sha-512=:AAAA:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
            body)).isTrue();
        assertThat(ContentDigest.matches(ContentDigest.of(body), "{\"hello\": \"world!\"}".getBytes(
            StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aCorrectlySignedRequestVerifiesWithEd25519AndWithP256() throws Exception {
        for (final KeyPair pair : List.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), p256())) {
            final Map<String, String> signed = new RequestSigner(pair.getPrivate(), "k1")
                .sign("POST", PATH, null, BODY, NOW, "n-1");
            final VerifiedSignature verified = verifier().verify(request("POST", PATH, null, signed), BODY, "k1",
                pair.getPublic(), NOW.plusSeconds(5));
            assertThat(verified.nonce()).isEqualTo("n-1");
            assertThat(verified.created()).isEqualTo(NOW);
        }
    }

    @Test
    void getRequestsCoverTheQuery() throws Exception {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final Map<String, String> signed = new RequestSigner(pair.getPrivate(), "k1")
            .sign("GET", "/api/v1/users/platform-b.u1/history", "limit=5", new byte[0], NOW, "n-2");

        verifier().verify(request("GET", "/api/v1/users/platform-b.u1/history", "limit=5", signed), new byte[0],
            "k1", pair.getPublic(), NOW);
        expect(SignatureFailure.BAD_SIGNATURE, request("GET", "/api/v1/users/platform-b.u1/history", "limit=500",
            signed), new byte[0], pair.getPublic(), NOW);
        expect(SignatureFailure.BAD_SIGNATURE, request("GET", "/api/v1/users/platform-b.u2/history", "limit=5",
            signed), new byte[0], pair.getPublic(), NOW);
    }

    @Test
    void eachWrongRequestIsRefusedWithItsReason() throws Exception {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final RequestSigner signer = new RequestSigner(pair.getPrivate(), "k1");
        final Map<String, String> signed = signer.sign("POST", PATH, null, BODY, NOW, "n-3");

        expect(SignatureFailure.MISSING, request("POST", PATH, null, Map.of()), BODY, pair.getPublic(), NOW);
        expect(SignatureFailure.MALFORMED, request("POST", PATH, null, with(signed, "Signature", "sig1=nonsense(")),
            BODY, pair.getPublic(), NOW);
        // Another key pair signed it (or the client's key is not registered).
        expect(SignatureFailure.BAD_SIGNATURE, request("POST", PATH, null, signed), BODY,
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic(), NOW);
        expect(SignatureFailure.UNKNOWN_KEY, request("POST", PATH, null, signed), BODY, null, NOW);
        expect(SignatureFailure.UNKNOWN_KEY, request("POST", PATH, null,
            new RequestSigner(pair.getPrivate(), "k0").sign("POST", PATH, null, BODY, NOW, "n")), BODY,
            pair.getPublic(), NOW);
        // created more than 300 s off, either way.
        expect(SignatureFailure.STALE, request("POST", PATH, null, signed), BODY, pair.getPublic(),
            NOW.plusSeconds(301));
        expect(SignatureFailure.STALE, request("POST", PATH, null, signed), BODY, pair.getPublic(),
            NOW.minusSeconds(301));
        // The body changed after signing, with or without a new digest.
        final byte[] changed = "{\"userId\":\"platform-b.u1\",\"amount\":900}".getBytes(StandardCharsets.UTF_8);
        expect(SignatureFailure.DIGEST_MISMATCH, request("POST", PATH, null, signed), changed, pair.getPublic(), NOW);
        expect(SignatureFailure.BAD_SIGNATURE, request("POST", PATH, null,
            with(signed, "Content-Digest", ContentDigest.of(changed))), changed, pair.getPublic(), NOW);
        // Another path or method than signed.
        expect(SignatureFailure.BAD_SIGNATURE, request("POST", "/api/v1/burns", null, signed), BODY,
            pair.getPublic(), NOW);
        expect(SignatureFailure.BAD_SIGNATURE, request("PUT", PATH, null, signed), BODY, pair.getPublic(), NOW);
    }

    @Test
    void aSignatureMustCoverMethodPathQueryDigestCreatedNonceAndKeyid() throws Exception {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final String digest = ContentDigest.of(BODY);
        for (final String input : List.of(
            "sig1=(\"@method\" \"@path\" \"@query\");created=%d;nonce=\"n\";keyid=\"k1\"",
            "sig1=(\"@method\" \"@path\" \"content-digest\");created=%d;nonce=\"n\";keyid=\"k1\"",
            "sig1=(\"@method\" \"@path\" \"@query\" \"content-digest\");nonce=\"n\";keyid=\"k1\"",
            "sig1=(\"@method\" \"@path\" \"@query\" \"content-digest\");created=%d;keyid=\"k1\"",
            "sig1=(\"@method\" \"@path\" \"@query\" \"content-digest\");created=%d;nonce=\"n\"")) {
            final Map<String, String> headers = Map.of("Signature-Input", input.formatted(NOW.getEpochSecond()),
                "Signature", "sig1=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":",
                "Content-Digest", digest);
            expect(SignatureFailure.INCOMPLETE, request("POST", PATH, null, headers), BODY, pair.getPublic(), NOW);
        }
    }

    @Test
    void theRegisteredKeyIsReadFromItsPemFileAndReadAgainWhenItChanges() throws Exception {
        final Path file = dir.resolve("backend.pub.pem");
        final SignatureProperties.Client client = new SignatureProperties.Client("platform-b-signed-backend", "k1",
            file.toString(), null);
        final ClientKeys keys = new ClientKeys(new SignatureProperties(List.of(client), Duration.ofSeconds(300)));

        assertThat(keys.key(client)).isNull();
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + ED25519_PUBLIC + "\n-----END PUBLIC KEY-----\n");
        assertThat(keys.key(client)).isEqualTo(rfcPublic());
        final KeyPair next = p256();
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(next.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(keys.key(client)).isEqualTo(next.getPublic());
        assertThat(keys.required("platform-b-signed-backend")).contains(client);
        assertThat(keys.required("platform-b-backend")).isEmpty();
    }

    private static SignatureVerifier verifier() {
        return new SignatureVerifier(Duration.ofSeconds(300));
    }

    private static void expect(final SignatureFailure failure, final MessageView message, final byte[] body,
                               final PublicKey key, final Instant now) {
        assertThatThrownBy(() -> verifier().verify(message, body, "k1", key, now))
            .isInstanceOfSatisfying(SignatureException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    private static Map<String, String> with(final Map<String, String> headers, final String name, final String value) {
        final Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static PublicKey rfcPublic() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
            Base64.getDecoder().decode(ED25519_PUBLIC)));
    }

    private static KeyPair p256() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
