package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.events.Backoff;
import org.pointsnet.gateway.events.ChaincodeEventListener;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.pointsnet.gateway.events.EventRing;
import org.pointsnet.gateway.support.TestPki;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real fabric-gateway client, over TLS, against {@link FakeGatewayService}: proposal → endorse → submit →
 * commit status, evaluate, error details, and the chaincode event stream with a file checkpoint.
 */
class FabricClientTest {

    private static final String PEER_NAME = "peer0.platform-a.pointsnet.local";

    @TempDir
    Path dir;

    private final FakeGatewayService peer = new FakeGatewayService();
    private Server server;
    private FabricConnection connection;
    private FabricValueLedger ledger;

    @BeforeEach
    void start() throws Exception {
        final var tls = TestPki.write(dir, "peer-tls", PEER_NAME);
        final var user = TestPki.write(dir, "user1");
        server = Grpc.newServerBuilderForPort(0, TlsServerCredentials.create(tls.cert().toFile(), tls.key().toFile()))
            .addService(peer)
            .build()
            .start();
        connection = FabricConnection.open(new GatewaySettings.Fabric("PlatformAMSP", "127.0.0.1", server.getPort(),
            PEER_NAME, tls.cert(), user.cert(), user.key(), "points", "points"));
        ledger = new FabricValueLedger(connection.contract(), JsonMapper.shared());
    }

    @AfterEach
    void stop() throws InterruptedException {
        connection.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void putValueIsEndorsedSubmittedAndCommitted() {
        final CommittedWrite write = ledger.putValue("hello", "world");

        assertEquals("VALID", write.validationCode());
        assertEquals(5, write.blockNumber());
        assertEquals("hello", write.key());
        assertEquals("world", write.value());
        assertEquals(64, write.txId().length(), write.txId());
        assertEquals("world", peer.state.get("hello"));
    }

    @Test
    void getValueReadsWhatWasWritten() {
        ledger.putValue("hello", "world");

        assertEquals(new StoredValue("hello", "world"), ledger.getValue("hello"));
    }

    @Test
    void chaincodeValidationFailureArrivesAsARejectionWithItsCode() {
        final var e = assertThrows(ChaincodeRejectedException.class, () -> ledger.putValue("bad key!", "v"));

        assertEquals("VALIDATION_FAILED", e.code());
        assertEquals("key 'bad key!' must be 1..64 characters of [A-Za-z0-9._-]", e.detail());
        assertFalse(e.transactionId().isEmpty());
        assertTrue(peer.state.isEmpty());
    }

    @Test
    void missingKeyIsNotFound() {
        final var e = assertThrows(ChaincodeRejectedException.class, () -> ledger.getValue("nope"));

        assertEquals("NOT_FOUND", e.code());
    }

    @Test
    void invalidCommitIsReportedWithItsValidationCode() {
        peer.nextValidationCode = TxValidationCode.MVCC_READ_CONFLICT;

        final var e = assertThrows(TransactionInvalidException.class, () -> ledger.putValue("k", "v"));

        assertEquals("MVCC_READ_CONFLICT", e.validationCode());
        assertEquals(5, e.blockNumber());
    }

    @Test
    void readyWhenTheChaincodeAnswersNotFound() {
        assertEquals(Readiness.up(), new FabricLedgerHealth(connection).check());
    }

    @Test
    void notReadyWhenThePeerIsGone() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

        assertFalse(new FabricLedgerHealth(connection).check().ready());
        assertInstanceOf(LedgerUnavailableException.class,
            assertThrows(LedgerException.class, () -> ledger.getValue("hello")));
    }

    @Test
    void eventsAreDeliveredAndARestartResumesAfterTheCheckpoint() throws Exception {
        final Path checkpointFile = dir.resolve("checkpoint.json");
        final EventRing first = new EventRing();
        final String firstTx;
        try (FileCheckpointer checkpointer = new FileCheckpointer(checkpointFile);
             ChaincodeEventListener listener = listener(checkpointer, first)) {
            listener.start();
            awaitEventRequests(1);
            firstTx = ledger.putValue("a", "1").txId();
            awaitSize(first, 1);
        }
        final ChaincodeEventRecord event = first.snapshot().get(0);
        assertEquals(firstTx, event.txId());
        assertEquals("ValueWritten", event.eventName());
        assertEquals("1", event.payload().get("value").asString());
        assertEquals(firstTx, event.payload().get("txId").asString());

        // Written while no listener runs; the restarted one must deliver it, and not the first one again.
        final String missedTx = ledger.putValue("b", "2").txId();
        final EventRing second = new EventRing();
        try (FileCheckpointer checkpointer = new FileCheckpointer(checkpointFile);
             ChaincodeEventListener listener = listener(checkpointer, second)) {
            listener.start();
            awaitSize(second, 1);
        }
        assertEquals(List.of(missedTx), second.snapshot().stream().map(ChaincodeEventRecord::txId).toList());
        final var resumed = peer.eventRequests.get(peer.eventRequests.size() - 1);
        assertEquals(event.blockNumber(), resumed.getStartPosition().getSpecified().getNumber());
        assertEquals(firstTx, resumed.getAfterTransactionId());
        assertEquals("points", resumed.getChaincodeId());
    }

    private ChaincodeEventListener listener(final FileCheckpointer checkpointer, final EventRing ring) {
        final var network = connection.network();
        return new ChaincodeEventListener(
            checkpoint -> network.newChaincodeEventsRequest("points").checkpoint(checkpoint).build().getEvents(),
            checkpointer, ring, JsonMapper.shared(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
            "test");
    }

    private void awaitEventRequests(final int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (peer.eventRequests.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, peer.eventRequests.size(), "event stream not opened");
    }

    private static void awaitSize(final EventRing ring, final int size) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ring.snapshot().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(size, ring.snapshot().size(), "events: " + ring.snapshot());
    }
}
