package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.LedgerCalls.evaluate;
import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.submitUntilNoConflict;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * A signed transaction sent to the ordering service a second time: what a peer's gateway does when an orderer fails
 * the first send after it took the transaction (seen in CI: the copy landed in the same block), and what anyone
 * holding the envelope can do. Fabric marks the copy DUPLICATE_TXID, so the issuance takes effect once; and no peer
 * stalls on the copy. With Fabric's default, a peer eligible for the copy's private data pulled it from the other
 * peers for {@code pullRetryThreshold} (60 s) before committing that block, and every block behind it waited: the
 * copy is invalid, its data was already taken from the transient store, nobody can serve it.
 * {@code skipPullingInvalidTransactionsDuringCommit: true} in network/core.yaml leaves invalid transactions' private
 * data to the background reconciler.
 */
@Tag("network")
class EnvelopeReplayEndToEndIT {

    private static final String A = "platform-a";
    private static final List<String> PLATFORMS = List.of(A, "platform-b", "platform-c");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    /** Far below the 60 s a peer waited for the copy's private data; far above a commit on a busy 2-core machine. */
    private static final Duration PROMPT = Duration.ofSeconds(20);

    private static final LedgerNetwork NETWORK = LedgerNetwork.fromSystemProperty();
    private static final Map<String, FabricConnection> CLIENTS = new LinkedHashMap<>();

    @BeforeAll
    static void connect() {
        PLATFORMS.forEach(platform -> CLIENTS.put(platform, NETWORK.connect(platform, Role.CLIENT)));
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(FabricConnection::close);
    }

    @Test
    void aTransactionSentTwiceTakesEffectOnceAndStallsNoPeer() throws Exception {
        final FabricConnection a = CLIENTS.get(A);
        final String user = A + ".replay-" + RUN;
        LedgerCalls.registerUser(a, user);
        final Transaction issue = a.contract().newProposal("account:Issue")
            .addArguments(json("requestId", "replay-" + RUN, "platformId", A, "userId", user, "amount", 40))
            .build().endorse();
        final byte[] envelope = issue.getBytes();
        assertEquals(TxValidationCode.VALID, issue.submitAsync().getStatus().getCode(), "the issuance itself");
        assertEquals(40, LedgerCalls.balance(a, user, A));

        // The very same envelope again, through the peer's gateway to the ordering service.
        a.transaction(envelope).submitAsync();

        // Every later transaction commits promptly: here one that platform-a's peer endorses, orders and commits
        // behind the copy; then every org's peer reaches the same height.
        final long start = System.nanoTime();
        submitUntilNoConflict(a, "account:Issue", json("requestId", "after-replay-" + RUN, "platformId", A,
            "userId", user, "amount", 2)).outcome().requireValid("the issuance after the replayed envelope");
        final Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PROMPT) < 0, "the next transaction took " + took.toMillis() + " ms to commit");
        final Map<String, FabricConnection> peers = new LinkedHashMap<>();
        CLIENTS.forEach((platform, client) -> peers.put(NETWORK.mspId(platform), client));
        PeerHeights.awaitInSync(peers, "points");

        assertEquals(42, LedgerCalls.balance(a, user, A), "the replayed envelope took effect again");
        assertEquals(2, evaluate(a, "account:GetHistory", json("userId", user)).path("receipts").size(),
            "receipts of " + user);
    }
}
