package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Block heights of the orgs' peers (qscc GetChainInfo through a connection to each org's own peer). A client waits for the commit on its
 * own peer only; a test that then reads from another org's peer waits here first, so that it never mistakes a peer
 * that is a block behind for one that refused the write.
 */
final class PeerHeights {

    private static final Duration IN_SYNC_TIMEOUT = Duration.ofSeconds(15);

    private PeerHeights() {
    }

    /** Waits until every org's peer has at least the height the highest of them had at the start. */
    static void awaitInSync(final Map<String, FabricConnection> connectionsByMsp, final String channel) {
        final Map<String, Long> start = heights(connectionsByMsp, channel);
        final long target = start.values().stream().mapToLong(Long::longValue).max().orElse(0);
        final long deadline = System.nanoTime() + IN_SYNC_TIMEOUT.toNanos();
        Map<String, Long> now = start;
        while (now.values().stream().anyMatch(height -> height < target)) {
            if (System.nanoTime() > deadline) {
                fail("peers still not at height " + target + " on " + channel + " after "
                    + IN_SYNC_TIMEOUT.toSeconds() + " s: " + now);
            }
            ChaincodeServerProcess.sleep(200);
            now = heights(connectionsByMsp, channel);
        }
    }

    private static Map<String, Long> heights(final Map<String, FabricConnection> connectionsByMsp,
                                             final String channel) {
        final Map<String, Long> heights = new TreeMap<>();
        connectionsByMsp.forEach((msp, connection) -> heights.put(msp, height(connection, msp, channel)));
        return heights;
    }

    private static long height(final FabricConnection connection, final String msp, final String channel) {
        try {
            // No target org: the Gateway evaluates a system chaincode on its own peer, the one of this org.
            final byte[] info = connection.network().getContract("qscc").evaluateTransaction("GetChainInfo", channel);
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (Exception e) {
            return fail("qscc GetChainInfo on the peer of " + msp + " failed: " + e);
        }
    }
}
