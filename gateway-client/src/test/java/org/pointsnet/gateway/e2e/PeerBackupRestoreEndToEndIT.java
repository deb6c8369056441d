package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back up a stopped peer's ledger folder, wipe it, restore it and start the peer, with the commands of
 * docs/operations.md ("Back up and restore a peer"): {@code ./test-network.sh stop peer-platform-c}, tar of
 * runtime/platforms/platform-c/peer-data, {@code ./test-network.sh start peer-platform-c}. The peer comes back at the
 * same height with the same block hash as before it stopped, serves its platform again, and the invariants hold.
 */
@Tag("network")
class PeerBackupRestoreEndToEndIT {

    private static final String PEER = "peer-" + C;

    @TempDir
    Path backups;

    private Path peerData;
    private Path backup;

    @AfterEach
    void everyNodeRunsAgain() throws Exception {
        // A failure between the wipe and the restore must not leave the peer without its ledger.
        if (peerData != null && !Files.isDirectory(peerData) && backup != null && Files.isRegularFile(backup)) {
            tar("-xzf", backup.toString());
        }
        NetworkNodes.startEverything();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aRestoredLedgerFolderBringsThePeerBackAtTheSameHeightAndHash() throws Exception {
        final long started = System.nanoTime();
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        final ApiClient c = clients.get(C);
        final String user = FaultBurst.users(c, "backup-" + RUN, 1, 40).get(0);
        final LedgerNetwork ledger = LedgerNetwork.fromSystemProperty();
        peerData = ledger.runtime().resolve("platforms").resolve(C).resolve("peer-data");
        final NetworkInvariants.ChainInfo before = NetworkInvariants.assertPeersInSync(ledger).get(C);

        NetworkNodes.script("stop", PEER);
        assertFalse(NetworkNodes.answers(PEER), PEER + " still answers after stop");
        backup = backups.resolve("peer-data.tgz");
        final long backupStarted = System.nanoTime();
        tar("-czf", backup.toString(), "peer-data");
        final Duration backupTook = Duration.ofNanos(System.nanoTime() - backupStarted);
        wipe(peerData);
        assertFalse(Files.exists(peerData), "the ledger folder is gone");
        tar("-xzf", backup.toString());
        assertTrue(Files.isDirectory(peerData.resolve("ledgersData")), "the restore put the ledger back");

        final Duration startTook = NetworkNodes.script("start", PEER);
        final NetworkInvariants.ChainInfo after = NetworkInvariants.chainInfo(ledger, C);
        // Where it stopped, unless a gateway folded its supply deltas by itself meanwhile (SupplyFolding): then the
        // restored peer, knowing the channel again, fetched the newer blocks from the orderers.
        if (after.height() == before.height()) {
            assertEquals(before, after, "the restored peer is not where it stopped");
        } else {
            assertTrue(after.height() > before.height(), "the restored peer is below where it stopped: " + before
                + " then " + after);
        }

        // It serves its platform again: an issuance needs platform-c's peer (collection ledger-platform-c).
        ApiNetwork.issue(c, user, 2);
        assertEquals(42, ApiNetwork.balanceEventually(c, user, C, 42));
        final String convertKey = "backup-conv-" + RUN;
        assertEquals(200, c.post("/api/v1/conversions", convertKey, "{\"userId\":\"" + user
            + "\",\"fromPlatformId\":\"" + C + "\",\"toPlatformId\":\"" + A + "\",\"amount\":10}").statusCode());
        assertEquals(1, NetworkInvariants.receiptsOf(c, user, convertKey));
        final long height = NetworkInvariants.assertAll(clients);
        System.out.printf("peer backup/restore: %s at height %d hash %s before the stop and after the restore; "
            + "backup %d bytes in %d ms; start %s took %d ms; invariants at height %d; test %d s%n", PEER,
            after.height(), after.currentBlockHash(), Files.size(backup), backupTook.toMillis(), PEER,
            startTook.toMillis(), height, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** tar in runtime/platforms/platform-c, as docs/operations.md shows it. */
    private void tar(final String... args) throws IOException, InterruptedException {
        final List<String> command = new java.util.ArrayList<>(List.of("tar", "-C", peerData.getParent().toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "tar did not finish: " + command);
        assertEquals(0, process.exitValue(), "tar failed: " + command);
    }

    private static void wipe(final Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
