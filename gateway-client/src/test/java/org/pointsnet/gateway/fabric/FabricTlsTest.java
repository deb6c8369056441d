package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.support.TestPki;

/**
 * The channel FabricConnection builds completes a TLS handshake with a server whose certificate is issued for the
 * peer's FQDN while being dialled at 127.0.0.1 (the host override), and refuses it under any other name.
 */
class FabricTlsTest {

    private static final String PEER_NAME = "peer0.platform-a.pointsnet.local";

    @TempDir
    Path dir;

    private Server server;
    private TestPki.Files3 serverTls;
    private TestPki.Files3 user;

    @BeforeEach
    void startTlsServer() throws Exception {
        serverTls = TestPki.write(dir, "peer-tls", PEER_NAME);
        user = TestPki.write(dir, "user1");
        server = Grpc.newServerBuilderForPort(0,
                TlsServerCredentials.create(serverTls.cert().toFile(), serverTls.key().toFile()))
            .build()
            .start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private ConnectivityState connectAs(final String authority) throws InterruptedException {
        final var settings = new GatewaySettings.Fabric("PlatformAMSP", "127.0.0.1", server.getPort(), authority,
            serverTls.cert(), user.cert(), user.key(), "points", "points");
        try (FabricConnection connection = FabricConnection.open(settings)) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            ConnectivityState state = connection.channelState(true);
            while (state != ConnectivityState.READY && state != ConnectivityState.TRANSIENT_FAILURE
                && System.nanoTime() < deadline) {
                Thread.sleep(20);
                state = connection.channelState(true);
            }
            return state;
        }
    }

    @Test
    void handshakeSucceedsUnderThePeersName() throws Exception {
        assertEquals(ConnectivityState.READY, connectAs(PEER_NAME));
    }

    @Test
    void handshakeFailsUnderAnotherName() throws Exception {
        assertEquals(ConnectivityState.TRANSIENT_FAILURE, connectAs("peer0.platform-b.pointsnet.local"));
    }
}
