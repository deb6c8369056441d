package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.support.OAuthClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: a fourth org, platform-d (a joiningOrgs entry of the spec), joins the RUNNING channel through admin-cli;
 * no ledger is deleted. First the update signed by too few members: refused locally, then (forced) by the orderer,
 * and the channel config stays as it was. Then {@code test-network.sh add-org} (every member signs with its own admin,
 * peer joins, chaincode definition with ledger-platform-d approved by all four and committed, gateways), and a user
 * converts a→d, then d→b; platform-d's gateway shows the receipts; the others' heights only grew, balances kept.
 *
 * <p>Ordered after every other class but SettlementEndToEndIT (failsafe's ClassOrderer is OrderAnnotation,
 * gateway-client/pom.xml), which then settles among all four platforms: afterwards LifecycleEndorsement ALL includes
 * platform-d, which Fabric cannot undo, and a second run on the same network fails
 * by design (platform-d is a member already): bring the network down and up again.
 */
@Tag("network")
@Order(Integer.MAX_VALUE - 1)
class OrgJoinEndToEndIT {

    private static final String D = "platform-d";
    private static final Pattern CONFIG_BLOCK = Pattern.compile("against config block (\\d+) of");

    @TempDir
    Path work;

    @Test
    void platformDJoinsTheLiveChannelWithEveryMembersSignature() throws Exception {
        final Path runtime = ApiNetwork.runtime();
        final Path root = runtime.getParent();
        assertFalse(Files.readString(runtime.resolve("network.env")).contains("'" + D + "'"),
            D + " is a member already: this test needs a network where it has not joined (down, then up)");

        // Before: a user's balance on A and every peer's height.
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient a = clients.get(A);
        final String alice = ApiNetwork.user(a, "orgjoin-alice-" + RUN);
        final HttpResponse<String> issued = a.post("/api/v1/issuances", "orgjoin-issue-" + RUN,
            "{\"userId\":\"" + alice + "\",\"amount\":1000}");
        assertEquals(200, issued.statusCode(), issued.body());
        assertEquals(1_000, ApiNetwork.balanceEventually(a, alice, A, 1_000));
        final Map<String, Long> heightsBefore = peerHeights();

        // platform-d's operator: its own keys and org definition.
        final AdminCliJar cli = new AdminCliJar();
        cli.ok("org", "create", "--spec", cli.spec, "--org", D, "--repo", root.toString(), "--runtime",
            runtime.toString());
        final Path update = work.resolve("add-platform-d.pb");
        final AdminCliJar.Run join = cli.ok("org", "join", "--spec", cli.spec, "--runtime", cli.runtime, "--as", A,
            "--org", D, "--out", update.toString());
        assertTrue(join.out().contains("adds Channel/Application/PlatformD"), join.out());

        // Unsigned: the local check refuses to submit and names who is missing.
        final AdminCliJar.Run unsigned = cli.fails(AdminCliJar.REFUSED,
            "config", "submit", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", A, "--in", update.toString());
        assertTrue(unsigned.err().contains("not submitted: signatures missing")
            && unsigned.err().contains("PlatformB") && unsigned.err().contains("PlatformC"), unsigned.err());
        final long configBlock = configBlock(unsigned.out());

        // Two of three members (B signs, A submits): still short; forced to the orderer, which refuses it.
        cli.ok("config", "sign", "--spec", cli.spec, "--runtime", cli.runtime, "--as", B, "--in",
            update.toString());
        final AdminCliJar.Run twice = cli.fails(AdminCliJar.FAILURE,
            "config", "sign", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", B, "--in", update.toString());
        assertTrue(twice.err().contains("signed by PlatformBMSP already"), twice.err());
        final AdminCliJar.Run refused = cli.fails(AdminCliJar.REFUSED,
            "config", "submit", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", A, "--in", update.toString(), "--force");
        assertTrue(refused.out().contains("missing: PlatformC"), refused.out());
        // Exit 3 with the orderer's own reason (its policy evaluation), not a generic failure.
        assertTrue(refused.err().contains("the orderer refused the update") && refused.err().contains("polic"),
            refused.err());
        final AdminCliJar.Run after = cli.fails(AdminCliJar.REFUSED,
            "config", "submit", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", A, "--in", update.toString());
        assertEquals(configBlock, configBlock(after.out()), "a refused update left the channel config as it was");

        // Every member signs with its own admin, A submits; the peer joins, the definition gains ledger-platform-d.
        NetworkStatus.runScript(900, "add-org", D);
        final AdminCliJar.Run lateSubmit = cli.fails(AdminCliJar.REFUSED,
            "config", "submit", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", A, "--in", update.toString(), "--force");
        assertTrue(lateSubmit.err().contains("the orderer refused the update"), "a stale update is refused: "
            + lateSubmit.err());

        final String status = NetworkStatus.runScript(60, "status");
        for (final String node : List.of("peer-" + D, "chaincode-" + D, "gateway-" + D)) {
            assertTrue(status.lines().anyMatch(line -> line.contains(node) && line.contains("true")), status);
        }

        // A user converts a→d (credited to a platform-d user), who converts d→b.
        final DGateway d = new DGateway(NetworkStatus.answeringGatewayClients(List.of(D)).get(D));
        final String dave = JSON.readTree(d.post("/api/v1/users", "user-dave-" + RUN,
            "{\"platformUserId\":\"orgjoin-dave-" + RUN + "\"}").body()).path("userId").asString();
        final HttpResponse<String> toD = a.post("/api/v1/conversions", "orgjoin-a-d-" + RUN,
            "{\"userId\":\"" + alice + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + D
                + "\",\"amount\":300,\"toUserId\":\"" + dave + "\"}");
        assertEquals(200, toD.statusCode(), toD.body());
        final long credited = postingTo(JSON.readTree(toD.body()), dave, D);
        assertTrue(credited > 0, toD.body());
        final HttpResponse<String> toB = d.post("/api/v1/conversions", "orgjoin-d-b-" + RUN,
            "{\"userId\":\"" + dave + "\",\"fromPlatformId\":\"" + D + "\",\"toPlatformId\":\"" + B
                + "\",\"amount\":" + credited + "}");
        assertEquals(200, toB.statusCode(), toB.body());

        // platform-d's gateway saw both through its projection (the history is read from it).
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> types = List.of();
        while (System.nanoTime() < deadline) {
            types = new ArrayList<>();
            for (final JsonNode receipt : JSON.readTree(d.get("/api/v1/users/" + dave + "/history").body())
                .path("receipts")) {
                types.add(receipt.path("type").asString());
            }
            if (types.stream().filter("CONVERT"::equals).count() >= 2) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(2, types.stream().filter("CONVERT"::equals).count(), "platform-d's projection: " + types);

        // No ledger was deleted: every earlier peer only grew; alice's A balance is what the conversion left.
        final Map<String, Long> heightsAfter = peerHeights();
        for (final String platform : List.of(A, B, C)) {
            assertTrue(heightsAfter.get(platform) > heightsBefore.get(platform), platform + ": " + heightsBefore
                + " -> " + heightsAfter);
        }
        assertTrue(heightsAfter.get(D) >= heightsBefore.get(A), "platform-d's peer holds the whole chain");
        assertEquals(700, ApiNetwork.balanceEventually(a, alice, A, 700));

        // The same commands change batch settings: an Orderer group value, the orderer org's admins decide.
        final Path batch = work.resolve("batch.pb");
        final AdminCliJar.Run built = cli.ok("config", "update", "--spec", cli.spec, "--runtime", cli.runtime, "--as",
            "orderer", "--batch-timeout", "300ms", "--out", batch.toString());
        assertTrue(built.out().contains("changes Channel/Orderer/BatchTimeout"), built.out());
        final AdminCliJar.Run byPlatforms = cli.fails(AdminCliJar.REFUSED,
            "config", "submit", "--spec", cli.spec, "--runtime", cli.runtime,
            "--as", A, "--in", batch.toString());
        assertTrue(byPlatforms.out().contains("/Channel/Orderer/Admins") && byPlatforms.err().contains("OrdererOrg"),
            byPlatforms.out() + byPlatforms.err());
        assertTrue(cli.ok("config", "submit", "--spec", cli.spec, "--runtime", cli.runtime, "--as", "orderer",
            "--in", batch.toString()).out().contains("accepted by the orderer"));
        // Back to the spec's 250ms, so the benchmark after the suite measures the usual network.
        cli.ok("config", "update", "--spec", cli.spec, "--runtime", cli.runtime, "--as", "orderer",
            "--batch-timeout", "250ms", "--out", batch.toString());
        cli.ok("config", "submit", "--spec", cli.spec, "--runtime", cli.runtime, "--as", "orderer", "--in",
            batch.toString());
    }

    private static long configBlock(final String out) {
        final Matcher matcher = CONFIG_BLOCK.matcher(out);
        assertTrue(matcher.find(), out);
        return Long.parseLong(matcher.group(1));
    }

    /** The amount of {@code platform}'s points a receipt credits to {@code user}. */
    private static long postingTo(final JsonNode receipt, final String user, final String platform) {
        for (final JsonNode posting : receipt.path("postings")) {
            if (user.equals(posting.path("userId").asString()) && platform.equals(posting.path("platformId").asString())
                && posting.path("delta").asLong() > 0) {
                return posting.path("delta").asLong();
            }
        }
        return 0;
    }

    /** Every peer's height on the channel, from {@code status --json}. */
    private static Map<String, Long> peerHeights() throws Exception {
        final Map<String, Long> heights = new LinkedHashMap<>();
        for (final JsonNode node : JSON.readTree(NetworkStatus.runScript(60, "status", "--json")).path("nodes")) {
            if ("peer".equals(node.path("kind").asString()) && node.path("height").isNumber()) {
                heights.put(node.path("platformId").asString(), node.path("height").asLong());
            }
        }
        return heights;
    }

    /**
     * platform-d's back end on its gateway. The suite's shared trust was built before platform-d existed, so this
     * client trusts exactly platform-d's TLS CA from {@code status --json}.
     */
    private static final class DGateway {
        private final NetworkStatus.Gateway gateway;
        private final HttpClient http;
        private final String token;

        DGateway(final NetworkStatus.Gateway gateway) throws Exception {
            this.gateway = gateway;
            final SSLContext trust = GatewayTrust.trusting(List.of(gateway.caCert()));
            this.http = GatewayHttp.client(trust);
            this.token = new OAuthClient(gateway.url().toString().replaceAll("/$", ""), trust)
                .token(gateway.clientId(), gateway.clientSecret());
        }

        HttpResponse<String> get(final String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(final String path, final String key, final String json) throws Exception {
            return http.send(request(path).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(final String path) {
            return HttpRequest.newBuilder(URI.create(gateway.url().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + token);
        }
    }
}
