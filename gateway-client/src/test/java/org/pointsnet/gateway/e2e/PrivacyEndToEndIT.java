package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;
import static org.pointsnet.gateway.e2e.ApiNetwork.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.signatures.RequestSigner;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, parts 3 and 4, against the live consortium: platform-b's {@code platform-b-signed-backend} client must
 * sign every request (RFC 9421); a corpus of unsigned, wrongly keyed, stale, replayed and altered requests is refused
 * with 401 {@code SIGNATURE_INVALID} and changes nothing, a correct one commits. A person exports and erases their
 * data with their own token; afterwards the token is refused and the export is empty. The gateways' databases
 * (platform-b's H2 files, platform-a's and platform-c's PostgreSQL through pg_dump) hold none of the tests' user ids
 * in clear.
 */
@Tag("network")
class PrivacyEndToEndIT {

    private static final String ISSUE = "/api/v1/issuances";
    private static final HttpClient HTTP = GatewayHttp.client(GatewayTrust.gateways());
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static Map<String, ApiClient> clients;
    private static URI gatewayB;
    private static String signedClient;
    private static String keyId;
    private static String signedToken;
    private static KeyPair key;
    /** Every network and platform user id this class creates: none may be stored in clear. */
    private static final List<String> IDS = new ArrayList<>();

    @BeforeAll
    static void platformBsSigningBackEndRegistersItsKey() throws Exception {
        clients = ApiNetwork.clients();
        final ApiClient b = clients.get(B);
        gatewayB = b.gateway().url();
        final Map<String, String> env = LedgerNetwork.readEnv(platformDir(B).resolve("gateway.env"));
        final Map<String, String> secrets = LedgerNetwork.readEnv(platformDir(B).resolve("gateway-secrets.env"));
        signedClient = env.get("POINTSNET_SIGNATURES_CLIENTS_0_CLIENTID");
        keyId = env.get("POINTSNET_SIGNATURES_CLIENTS_0_KEYID");
        // The back end's own key pair; the gateway reads the public half from the configured file when it changes.
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // Owner-only like everything under runtime/ (scripts/check-runtime.sh checks it).
        final Path publicKeyFile = Path.of(env.get("POINTSNET_SIGNATURES_CLIENTS_0_PUBLICKEYFILE"));
        Files.deleteIfExists(publicKeyFile);
        Files.createFile(publicKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
            "rw-------")));
        Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        signedToken = b.oauth().token(signedClient, secrets.get("POINTSNET_SIGNATURES_CLIENTS_0_CLIENTSECRET"));
    }

    @Test
    void signedRequestsAreRequiredForTheSigningClientAndOnlyACorrectOneChangesAnything() throws Exception {
        final ApiClient b = clients.get(B);
        final String user = ApiNetwork.user(b, "sig-" + RUN);
        IDS.add(user);
        IDS.add("sig-" + RUN);
        final long before = ApiNetwork.balance(b, user, B);
        final int history = ApiNetwork.historySize(b, user);
        final byte[] body = ("{\"userId\":\"" + user + "\",\"amount\":7}").getBytes(StandardCharsets.UTF_8);
        final RequestSigner signer = new RequestSigner(key.getPrivate(), keyId);

        // Missing: the signing client's token alone.
        expectRefused(send("POST", ISSUE, "sig-missing-" + RUN, body, Map.of()), "missing");
        // Wrong key: signed by a key pair the gateway does not know for this client.
        final RequestSigner impostor = new RequestSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
            .getPrivate(), keyId);
        expectRefused(send("POST", ISSUE, "sig-wrong-key-" + RUN, body,
            impostor.sign("POST", ISSUE, null, body, Instant.now(), RequestSigner.newNonce())), "bad-signature");
        // Stale: created more than 300 s ago, and more than 300 s ahead.
        expectRefused(send("POST", ISSUE, "sig-stale-" + RUN, body,
            signer.sign("POST", ISSUE, null, body, Instant.now().minusSeconds(400), RequestSigner.newNonce())),
            "stale");
        expectRefused(send("POST", ISSUE, "sig-future-" + RUN, body,
            signer.sign("POST", ISSUE, null, body, Instant.now().plusSeconds(400), RequestSigner.newNonce())),
            "stale");
        // Body changed after signing: 7 signed, 700 sent.
        final byte[] changed = ("{\"userId\":\"" + user + "\",\"amount\":700}").getBytes(StandardCharsets.UTF_8);
        expectRefused(send("POST", ISSUE, "sig-changed-" + RUN, changed,
            signer.sign("POST", ISSUE, null, body, Instant.now(), RequestSigner.newNonce())), "digest-mismatch");
        assertEquals(before, ApiNetwork.balance(b, user, B), "a refused request changed the balance");
        assertEquals(history, ApiNetwork.historySize(b, user), "a refused request left a receipt");

        // A correct one commits.
        final Map<String, String> good = signer.sign("POST", ISSUE, null, body, Instant.now(),
            RequestSigner.newNonce());
        final HttpResponse<String> issued = send("POST", ISSUE, "sig-good-" + RUN, body, good);
        assertEquals(200, issued.statusCode(), issued.body());
        assertEquals("COMMITTED", JSON.readTree(issued.body()).path("status").asString());
        // Replayed byte for byte (same nonce), even under a new Idempotency-Key: refused, nothing moves.
        expectRefused(send("POST", ISSUE, "sig-replay-" + RUN, body, good), "nonce-reused");
        // A signed read (the query is covered) succeeds.
        final String history200 = "/api/v1/users/" + user + "/history";
        final HttpResponse<String> read = sendWithQuery("GET", history200, "limit=200", signer.sign("GET",
            history200, "limit=200", new byte[0], Instant.now(), RequestSigner.newNonce()));
        assertEquals(200, read.statusCode(), read.body());

        assertEquals(before + 7, ApiNetwork.balanceEventually(b, user, B, before + 7));
        assertEquals(history + 1, ApiNetwork.historySize(b, user), "only the correct request left a receipt");
        // The platform's ordinary back-end client is not required to sign.
        ApiNetwork.issue(b, user, 1);
    }

    @Test
    void aPersonExportsAndErasesTheirDataAndNoGatewayDatabaseHoldsATestUserIdInClear() throws Exception {
        final ApiClient a = clients.get(A);
        final String platformUser = "privacy-" + RUN;
        final String password = "privacy password " + RUN;
        final HttpResponse<String> registered = a.post("/api/v1/users", "privacy-user-" + RUN,
            "{\"platformUserId\":\"" + platformUser + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        final String alice = JSON.readTree(registered.body()).path("userId").asString();
        IDS.add(alice);
        IDS.add(platformUser);
        ApiNetwork.issue(a, alice, 10);
        final String cUser = ApiNetwork.user(clients.get(C), "privacy-c-" + RUN);
        IDS.add(cUser);
        IDS.add("privacy-c-" + RUN);
        ApiNetwork.issue(clients.get(C), cUser, 5);

        final String token = userToken(a, platformUser, password);
        // Export: what platform-a's gateway holds about her, with her own token.
        final JsonNode export = exportOf(a, "/api/v1/me/personal-data", token);
        assertEquals(alice, export.path("userId").asString(), export.toString());
        assertTrue(export.path("passwordSet").asBoolean(), export.toString());
        assertTrue(export.path("grants").asInt() >= 1, export.toString());
        assertEquals(1, export.path("consents").size(), export.toString());
        waitUntilProjected(a, alice);
        // Another user's record is not hers to read, and a back end reads only its own platform's users.
        assertProblem(a.send("GET", "/api/v1/users/" + alice + "/personal-data", null, null, token), 403,
            "FORBIDDEN");
        assertProblem(clients.get(B).get("/api/v1/users/" + alice + "/personal-data"), 403, "FORBIDDEN");

        // Erase, with her own token.
        final HttpResponse<String> erased = a.send("DELETE", "/api/v1/me/personal-data", null, null, token);
        assertEquals(200, erased.statusCode(), erased.body());
        assertTrue(JSON.readTree(erased.body()).path("erased").asBoolean(), erased.body());
        // Her token no longer works, and the export (the platform's, for her id) is empty.
        assertProblem(a.send("GET", "/api/v1/me/personal-data", null, null, token), 401, "UNAUTHENTICATED");
        final JsonNode after = exportOf(a, "/api/v1/users/" + alice + "/personal-data", a.token());
        assertTrue(after.path("registeredAt").isNull() || after.path("registeredAt").isMissingNode(),
            after.toString());
        assertFalse(after.path("passwordSet").asBoolean(), after.toString());
        assertEquals(0, after.path("grants").asInt(), after.toString());
        assertEquals(0, after.path("consents").size(), after.toString());
        assertEquals(0, after.path("postings").size(), after.toString());
        // She cannot sign in; registered again she would be a new pseudonym, not the old one.
        final HttpResponse<String> again = a.post("/api/v1/users", "privacy-user-again-" + RUN,
            "{\"platformUserId\":\"" + platformUser + "\"}");
        assertEquals(200, again.statusCode(), again.body());
        final String newId = JSON.readTree(again.body()).path("userId").asString();
        IDS.add(newId);
        assertFalse(alice.equals(newId), "the erased pseudonym was issued again");
        // The chain keeps the points under the old pseudonym (supply is unchanged); reconciliation still holds.
        assertEquals(10, ApiNetwork.balance(a, alice, A));
        ApiNetwork.assertReconciled(a);

        for (final String platform : List.of(A, B, C)) {
            assertNoneInClear(platform, databaseFiles(platform));
        }
    }

    private static String userToken(final ApiClient a, final String platformUser, final String password)
        throws Exception {
        final String app = A + "-app";
        final String redirect = "https://127.0.0.1/callback";
        final String base = a.gateway().url().toString().replaceAll("/$", "");
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization granted = new OAuthClient(base, GatewayTrust.gateways()).authorize(app,
            redirect, "points.read points.transfer", pkce, platformUser, password);
        final HttpResponse<String> exchanged = a.oauth().exchange(app, redirect, granted.code(), pkce.verifier());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        return JSON.readTree(exchanged.body()).path("access_token").asString();
    }

    private static JsonNode exportOf(final ApiClient client, final String path, final String token) throws Exception {
        final HttpResponse<String> response = client.send("GET", path, null, null, token);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The issuance reaches the projection by the block listener: the export lists it once projected. */
    private static void waitUntilProjected(final ApiClient a, final String userId) throws Exception {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode export;
        do {
            export = exportOf(a, "/api/v1/users/" + userId + "/personal-data", a.token());
            if (export.path("postings").size() == 1) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertEquals(1, export.path("postings").size(), export.toString());
        assertEquals(10, export.path("postings").get(0).path("delta").asLong(), export.toString());
    }

    private void assertNoneInClear(final String platform, final List<Path> files) throws IOException {
        assertFalse(files.isEmpty(), "no database files of " + platform);
        for (final Path file : files) {
            final String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (final String id : IDS) {
                assertFalse(content.contains(id), platform + "'s " + file.getFileName() + " holds a user id in clear");
            }
        }
    }

    private static Path platformDir(final String platform) {
        return ApiNetwork.runtime().resolve("platforms").resolve(platform);
    }

    /** What a platform's gateways store: the H2 files, or a dump of the org's PostgreSQL. */
    private static List<Path> databaseFiles(final String platform) throws Exception {
        final String url = LedgerNetwork.readEnv(platformDir(platform).resolve("gateway.env"))
            .get("SPRING_DATASOURCE_URL");
        return url.startsWith("jdbc:postgresql:") ? List.of(pgDump(platform)) : h2Files(platform);
    }

    /** The embedded H2 files of a platform's gateway (the live database, and any temporary files beside it). */
    private static List<Path> h2Files(final String platform) throws IOException {
        final String url = LedgerNetwork.readEnv(platformDir(platform).resolve("gateway.env"))
            .get("SPRING_DATASOURCE_URL");
        final Path base = Path.of(url.replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*$", ""));
        try (Stream<Path> files = Files.list(base.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(base.getFileName().toString())).toList();
        }
    }

    /** A plain-text dump of a platform's PostgreSQL database (schema and data). */
    private static Path pgDump(final String platform) throws Exception {
        final Map<String, String> env = LedgerNetwork.readEnv(platformDir(platform).resolve("gateway.env"));
        final Map<String, String> secrets = LedgerNetwork.readEnv(platformDir(platform)
            .resolve("gateway-secrets.env"));
        final Path dump = Files.createTempFile("pointsnet-" + platform, ".sql");
        dump.toFile().deleteOnExit();
        final ProcessBuilder builder = new ProcessBuilder(pgDumpBinary(), "-h", env.get("PN_POSTGRES_LISTEN"), "-p",
            env.get("PN_POSTGRES_PORT"), "-U", "pointsnet", "-d", "pointsnet", "-f", dump.toString())
            .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", secrets.get("SPRING_DATASOURCE_PASSWORD"));
        final Process process = builder.start();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_dump did not finish");
        assertEquals(0, process.exitValue(), output.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dump).contains("platform_user"), "the dump has no platform_user table");
        return dump;
    }

    private static String pgDumpBinary() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable).sorted()
                .reduce((first, second) -> second).map(Path::toString).orElse("pg_dump");
        } catch (IOException e) {
            return "pg_dump";
        }
    }

    private static void expectRefused(final HttpResponse<String> response, final String reason) {
        assertProblem(response, 401, "SIGNATURE_INVALID");
        assertEquals(reason, JSON.readTree(response.body()).path("reason").asString(), response.body());
    }

    private static HttpResponse<String> send(final String method, final String path, final String idempotencyKey,
                                             final byte[] body, final Map<String, String> signature)
        throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(gatewayB.resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey);
        return send(request, signature);
    }

    private static HttpResponse<String> sendWithQuery(final String method, final String path, final String query,
                                                      final Map<String, String> signature) throws Exception {
        return send(HttpRequest.newBuilder(gatewayB.resolve(path + "?" + query)).method(method,
            HttpRequest.BodyPublishers.noBody()), signature);
    }

    private static HttpResponse<String> send(final HttpRequest.Builder request, final Map<String, String> signature)
        throws Exception {
        request.header("Authorization", "Bearer " + signedToken).timeout(TIMEOUT);
        signature.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
