package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;

/**
 * What must hold after every fault, checked on the real network once it settled:
 * <ul>
 * <li>every peer at the same height with the same hash of its last block (qscc GetChainInfo on each org's own peer),
 * and every orderer at that height too ({@code status --json});</li>
 * <li>on every peer, each platform's supply equals the sum of its balances ({@code account:AuditSupply}), and every
 * peer answers the same;</li>
 * <li>every gateway ready, its listener caught up, and its scheduled reconciliation (the last result in its readiness
 * body; nothing asks for one) without a difference, as of that height.</li>
 * </ul>
 * The tests check "every request took effect exactly once" themselves (balances and history per request).
 */
final class NetworkInvariants {

    /** How long the network may take to settle after a fault (a restarted gateway's listener backs off up to 30 s). */
    static final Duration SETTLE = Duration.ofSeconds(120);

    /** A peer's chain: height and the hash of its last block header (hex). */
    record ChainInfo(long height, String currentBlockHash) {
    }

    private NetworkInvariants() {
    }

    /** Runs every check; returns the common height. */
    static long assertAll(final Map<String, ApiClient> gateways) throws Exception {
        final long started = System.nanoTime();
        final LedgerNetwork ledger = LedgerNetwork.fromSystemProperty();
        final Map<String, ChainInfo> chains = assertPeersInSync(ledger);
        final long height = chains.values().iterator().next().height();
        assertOrderersAt(height);
        final JsonNode supply = assertSupplyEqualsBalancesOnEveryPeer(ledger);
        assertEveryProjectionReconciled(gateways, height);
        System.out.printf("invariants hold at height %d (checked in %d ms): peers %s; supply %s%n", height,
            Duration.ofNanos(System.nanoTime() - started).toMillis(), chains, supply);
        return height;
    }

    /** Waits (bounded) until every peer reports the same height twice in a row, then compares the block hashes. */
    static Map<String, ChainInfo> assertPeersInSync(final LedgerNetwork ledger) throws InterruptedException {
        final Map<String, FabricConnection> connections = new TreeMap<>();
        try {
            for (final String platform : ApiNetwork.PLATFORMS) {
                connections.put(platform, ledger.connect(platform, LedgerNetwork.Role.CLIENT));
            }
            final long deadline = System.nanoTime() + SETTLE.toNanos();
            Map<String, ChainInfo> previous = Map.of();
            while (true) {
                final Map<String, ChainInfo> now = new TreeMap<>();
                connections.forEach((platform, connection) -> now.put(platform, chainInfo(connection, platform)));
                final boolean sameHeight = now.values().stream().map(ChainInfo::height).distinct().count() == 1;
                if (sameHeight && now.equals(previous)) {
                    final long hashes = now.values().stream().map(ChainInfo::currentBlockHash).distinct().count();
                    assertEquals(1, hashes, "peers at the same height disagree on its block: " + now);
                    return now;
                }
                if (System.nanoTime() > deadline) {
                    return fail("peers not at one height after " + SETTLE.toSeconds() + " s: " + now);
                }
                previous = now;
                Thread.sleep(500);
            }
        } finally {
            connections.values().forEach(FabricConnection::close);
        }
    }

    /** Height and last block hash on the platform's own peer (qscc without a target org: the connection's peer). */
    static ChainInfo chainInfo(final LedgerNetwork ledger, final String platform) {
        try (FabricConnection connection = ledger.connect(platform, LedgerNetwork.Role.CLIENT)) {
            return chainInfo(connection, platform);
        }
    }

    private static ChainInfo chainInfo(final FabricConnection connection, final String platform) {
        try {
            final BlockchainInfo info = BlockchainInfo.parseFrom(connection.network().getContract("qscc")
                .evaluateTransaction("GetChainInfo", connection.network().getName()));
            return new ChainInfo(info.getHeight(), HexFormat.of().formatHex(info.getCurrentBlockHash().toByteArray()));
        } catch (Exception e) {
            return fail("qscc GetChainInfo on the peer of " + platform + " failed: " + e);
        }
    }

    /**
     * Every orderer's height (status --json) reaches {@code height} (bounded wait: a restarted one catches up). At
     * least, not exactly: a gateway may fold its platform's supply deltas by itself (SupplyFolding) just after the
     * peers were compared, and the orderers then are a block further on.
     */
    static void assertOrderersAt(final long height) throws Exception {
        final long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Long> heights = ordererHeights();
        while (heights.values().stream().anyMatch(h -> h < height)) {
            if (System.nanoTime() > deadline) {
                fail("orderers not at the peers' height " + height + " after " + SETTLE.toSeconds() + " s: " + heights);
            }
            Thread.sleep(500);
            heights = ordererHeights();
        }
    }

    private static Map<String, Long> ordererHeights() throws Exception {
        final Map<String, Long> heights = new LinkedHashMap<>();
        for (final JsonNode node : NetworkNodes.status().path("nodes")) {
            if ("orderer".equals(node.path("kind").asString())) {
                heights.put(node.path("name").asString(), node.path("height").asLong(-1));
            }
        }
        assertFalse(heights.isEmpty(), "status lists no orderer");
        return heights;
    }

    /**
     * account:AuditSupply on each org's own peer: every platform's supply (the sum of its supply deltas) equals the sum
     * of its balances, and every peer answers the same. Returns the answer.
     */
    static JsonNode assertSupplyEqualsBalancesOnEveryPeer(final LedgerNetwork ledger) {
        JsonNode first = null;
        for (final String platform : ApiNetwork.PLATFORMS) {
            final JsonNode supply;
            try (FabricConnection connection = ledger.connect(platform, LedgerNetwork.Role.CLIENT)) {
                final LedgerCalls.Evaluation answer = LedgerCalls.tryEvaluate(connection, "account:AuditSupply", "{}",
                    ledger.mspId(platform));
                assertFalse(answer.failed(), "account:AuditSupply on the peer of " + platform + ": " + answer);
                supply = LedgerCalls.JSON.readTree(answer.text());
            }
            assertTrue(supply.size() >= ApiNetwork.PLATFORMS.size(), platform + "'s peer: " + supply);
            for (final JsonNode line : supply) {
                assertEquals(line.path("supply").asLong(), line.path("balances").asLong(),
                    "supply and balances of " + line.path("platformId").asString() + " on the peer of " + platform
                        + ": " + supply);
            }
            if (first == null) {
                first = supply;
            } else {
                assertEquals(first, supply, "the peer of " + platform + " answers another supply");
            }
        }
        return first;
    }

    /**
     * Every gateway ready, listener at lag 0, and its own scheduled reconciliation (nobody asks for one here: the
     * result is the one each gateway ran by itself) without difference as of the block below height.
     */
    static void assertEveryProjectionReconciled(final Map<String, ApiClient> gateways, final long height)
        throws Exception {
        final Map<String, GatewayProbe> probes = GatewayProbe.awaitReconciledByItself(gateways, height - 1, SETTLE);
        probes.forEach((platform, probe) -> assertTrue(probe.reconciledByItself(height - 1),
            "gateway of " + platform + " did not reconcile by itself at block " + (height - 1) + ": " + probe));
    }

    /** How many receipts in the user's history (as the gateway reads it, up to 200) carry each request id. */
    static Map<String, Integer> receiptsByRequest(final ApiClient client, final String userId) throws Exception {
        final HttpResponse<String> response = client.get("/api/v1/users/" + userId + "/history?limit=200");
        assertEquals(200, response.statusCode(), response.body());
        final Map<String, Integer> counts = new LinkedHashMap<>();
        for (final JsonNode receipt : ApiNetwork.JSON.readTree(response.body()).path("receipts")) {
            counts.merge(receipt.path("requestId").asString(), 1, Integer::sum);
        }
        return counts;
    }

    /** How many receipts in the user's history (as the gateway reads it) carry this request id. */
    static int receiptsOf(final ApiClient client, final String userId, final String requestId) throws Exception {
        final HttpResponse<String> response = client.get("/api/v1/users/" + userId + "/history?limit=200");
        assertEquals(200, response.statusCode(), response.body());
        int count = 0;
        for (final JsonNode receipt : ApiNetwork.JSON.readTree(response.body()).path("receipts")) {
            if (requestId.equals(receipt.path("requestId").asString())) {
                count++;
            }
        }
        return count;
    }
}
