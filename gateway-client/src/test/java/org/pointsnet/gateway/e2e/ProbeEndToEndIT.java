package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end against the live consortium ({@code ./test-network.sh up}): REST → gateway → endorsing peers →
 * orderer → commit on every peer → chaincode event. Run by failsafe in the {@code e2e} profile
 * ({@code mvn -Pe2e -pl gateway-client verify}); the gateways are found through
 * {@code <pointsnet.root>/test-network.sh status --json}.
 */
@Tag("network")
class ProbeEndToEndIT {

    private static final List<String> PLATFORMS = List.of("platform-a", "platform-b", "platform-c");
    private static final Duration READ_EVERYWHERE = Duration.ofSeconds(10);
    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.shared();

    private static Map<String, URI> gateways;

    @BeforeAll
    static void findTheNetwork() throws Exception {
        gateways = NetworkStatus.answeringGateways(PLATFORMS);
    }

    @Test
    void valueWrittenThroughOneOrgIsReadByEveryOrgAndAnnouncedAsAnEvent() throws Exception {
        final String key = "e2e-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
        final String value = "value of " + key;

        // (1) submit through platform-a's gateway, answered once committed.
        final HttpResponse<String> put = post(gateways.get("platform-a"), "/api/v1/probe/values",
            JSON.writeValueAsString(Map.of("key", key, "value", value)));
        assertEquals(200, put.statusCode(), put.body());
        final JsonNode written = JSON.readTree(put.body());
        assertEquals("VALID", written.path("validationCode").asString(), put.body());
        assertTrue(written.path("blockNumber").canConvertToLong() && written.path("blockNumber").asLong() > 0,
            "no block number: " + put.body());
        assertEquals(key, written.path("key").asString());
        assertEquals(value, written.path("value").asString());
        final String txId = written.path("txId").asString();
        assertFalse(txId.isBlank(), "no txId: " + put.body());

        // (2) every org's gateway evaluates on its own peer; peers commit independently, so poll.
        for (final String platform : PLATFORMS) {
            final HttpResponse<String> read = eventually(READ_EVERYWHERE,
                () -> get(gateways.get(platform), "/api/v1/probe/values/" + key),
                r -> r.statusCode() == 200);
            assertEquals(200, read.statusCode(), platform + ": " + read.body());
            assertEquals(key, JSON.readTree(read.body()).path("key").asString(), platform);
            assertEquals(value, JSON.readTree(read.body()).path("value").asString(), platform);
        }

        // (3) the ValueWritten event with exactly this write reaches the listeners of platform-a and platform-b.
        for (final String platform : List.of("platform-a", "platform-b")) {
            final HttpResponse<String> events = eventually(EVENT_ARRIVES,
                () -> get(gateways.get(platform), "/api/v1/probe/events"),
                r -> r.statusCode() == 200 && findEvent(r.body(), txId).isPresent());
            final JsonNode event = findEvent(events.body(), txId)
                .orElseGet(() -> fail(platform + " did not receive the event of tx " + txId + " within "
                    + EVENT_ARRIVES.toSeconds() + " s: " + events.body()));
            assertEquals("ValueWritten", event.path("eventName").asString(), platform);
            assertEquals(written.path("blockNumber").asLong(), event.path("blockNumber").asLong(), platform);
            assertEquals(key, event.path("payload").path("key").asString(), platform);
            assertEquals(value, event.path("payload").path("value").asString(), platform);
            assertEquals(txId, event.path("payload").path("txId").asString(), platform);
        }
    }

    @Test
    void invalidInputIsRefusedAndChangesNothing() throws Exception {
        final URI gateway = gateways.get("platform-a");

        // (4) the chaincode refuses the key; the gateway answers 400 problem+json with its code.
        final HttpResponse<String> bad = post(gateway, "/api/v1/probe/values", "{\"key\":\"bad key!\",\"value\":\"v\"}");
        assertProblem(bad, 400, "VALIDATION_FAILED");

        // Nothing was stored. GetValue checks the key too, so the chaincode may answer VALIDATION_FAILED rather than
        // NOT_FOUND: either is a refusal without a value, and neither may be a 200.
        final HttpResponse<String> read = get(gateway, "/api/v1/probe/values/bad%20key!");
        assertTrue(read.statusCode() == 404 || read.statusCode() == 400, read.statusCode() + " " + read.body());
        assertProblem(read, read.statusCode(), read.statusCode() == 404 ? "NOT_FOUND" : "VALIDATION_FAILED");

        // A key that was never written is NOT_FOUND.
        assertProblem(get(gateway, "/api/v1/probe/values/e2e-never-written-" + UUID.randomUUID()), 404, "NOT_FOUND");

        // Malformed JSON never reaches the ledger.
        assertProblem(post(gateway, "/api/v1/probe/values", "{\"key\":\"k\",\"value\":"), 400, "VALIDATION_FAILED");
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
            "not problem+json: " + response.headers().map());
        final JsonNode problem = JSON.readTree(response.body());
        assertEquals(code, problem.path("code").asString(), response.body());
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertFalse(problem.path("title").asString("").isBlank(), response.body());
        assertFalse(response.body().contains("pointsnet.local"), "peer host name leaked: " + response.body());
    }

    private static Optional<JsonNode> findEvent(final String body, final String txId) {
        for (final JsonNode event : JSON.readTree(body)) {
            if (txId.equals(event.path("txId").asString())) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private interface Check {
        boolean done(HttpResponse<String> response);
    }

    /** Repeats {@code call} every 250 ms until {@code check} holds or {@code limit} passes; returns the last answer. */
    private static HttpResponse<String> eventually(final Duration limit, final Call call, final Check check)
        throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            final HttpResponse<String> response = call.send();
            if (check.done(response) || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    private static HttpResponse<String> get(final URI gateway, final String path)
        throws IOException, InterruptedException {
        return GatewayHttp.get(gateway, path);
    }

    private static HttpResponse<String> post(final URI gateway, final String path, final String json)
        throws IOException, InterruptedException {
        return GatewayHttp.post(gateway, path, json);
    }
}
