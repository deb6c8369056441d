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
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.probe.CommittedWrite;
import org.pointsnet.gateway.probe.FabricValueLedger;
import org.pointsnet.gateway.probe.StoredValue;
import org.pointsnet.gateway.support.TestPki;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real fabric-gateway client, over TLS, against {@link FakeGatewayService}: proposal → endorse → submit →
 * commit status, evaluate and error details.
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

}
