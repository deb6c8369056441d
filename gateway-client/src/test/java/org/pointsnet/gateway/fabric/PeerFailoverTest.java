package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.EquivalentAddressGroup;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.support.TestPki;

/**
 * A gateway with two peers of its org: every call goes to the first while it answers, to the second when the first is
 * gone (same connection object, no restart), each peer's certificate checked against its own name; with both gone the
 * gateway is not ready.
 */
class PeerFailoverTest {

    private static final String FIRST = "peer0.platform-a.pointsnet.local";
    private static final String SECOND = "peer1.platform-a.pointsnet.local";

    @TempDir
    Path dir;

    private Server first;
    private Server second;
    private TestPki.Files3 user;
    private Path trust;
    private TestPki.Files3 secondTls;

    @BeforeEach
    void startTwoPeers() throws Exception {
        final TestPki.Files3 firstTls = TestPki.write(dir, "peer0-tls", FIRST);
        secondTls = TestPki.write(dir, "peer1-tls", SECOND);
        user = TestPki.write(dir, "user1");
        // The org's TLS CA in real life; here each peer's self-signed certificate, both in one trust file.
        trust = Files.writeString(dir.resolve("org-tls-ca.pem"), Files.readString(firstTls.cert())
            + Files.readString(secondTls.cert()), StandardCharsets.US_ASCII);
        first = start(firstTls);
        second = start(secondTls);
    }

    private static Server start(final TestPki.Files3 tls) throws Exception {
        return Grpc.newServerBuilderForPort(0, TlsServerCredentials.create(tls.cert().toFile(), tls.key().toFile()))
            .addService(new FakeGatewayService())
            .build()
            .start();
    }

    @AfterEach
    void stopPeers() throws InterruptedException {
        first.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        second.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private FabricConnection connect(final String secondName) {
        return FabricConnection.open(new GatewaySettings.Fabric("PlatformAMSP", "127.0.0.1", first.getPort(), FIRST,
            trust, user.cert(), user.key(), "points", "points",
            List.of(new GatewaySettings.PeerAddress("127.0.0.1", second.getPort(), secondName))));
    }

    @Test
    void callsGoToTheFirstPeerWhileItLivesThenToTheSecond() throws Exception {
        try (FabricConnection connection = connect(SECOND)) {
            final FabricLedgerHealth health = new FabricLedgerHealth(connection);
            assertTrue(health.check().ready());
            assertEquals(Optional.of("127.0.0.1:" + first.getPort()), connection.peerInUse());
            assertTrue(health.check().ready());
            assertEquals(Optional.of("127.0.0.1:" + first.getPort()), connection.peerInUse(), "stays on the first");

            first.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

            // A call racing the closing connection may fail once; the next ones reach the second peer.
            assertTrue(awaitReady(health), "the second peer answers in its place");
            assertEquals(Optional.of("127.0.0.1:" + second.getPort()), connection.peerInUse());
            assertEquals(Optional.of("127.0.0.1:" + second.getPort()), health.peerInUse());
        }
    }

    @Test
    void theSecondPeerMustPresentItsOwnName() throws Exception {
        try (FabricConnection connection = connect("peer7.platform-b.pointsnet.local")) {
            final FabricLedgerHealth health = new FabricLedgerHealth(connection);
            assertTrue(health.check().ready());
            first.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

            assertFalse(awaitReady(health), "a certificate for another name is refused");
        }
    }

    @Test
    void notReadyWhenEveryPeerIsGone() throws Exception {
        try (FabricConnection connection = connect(SECOND)) {
            final FabricLedgerHealth health = new FabricLedgerHealth(connection);
            assertTrue(health.check().ready());
            first.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            second.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

            assertFalse(awaitReady(health));
        }
    }

    @Test
    void oneAddressGroupPerPeerInOrderEachWithItsTlsName() {
        final List<EquivalentAddressGroup> groups = OrgPeers.groups(List.of(
            new GatewaySettings.PeerAddress("127.0.0.1", 7051, FIRST),
            new GatewaySettings.PeerAddress("no-such-host.invalid", 7061, "peer9.platform-a.pointsnet.local"),
            new GatewaySettings.PeerAddress("127.0.0.1", 7061, SECOND)));

        assertEquals(2, groups.size(), "a peer whose name does not resolve is left out: " + groups);
        assertEquals(new InetSocketAddress("127.0.0.1", 7051), groups.get(0).getAddresses().get(0));
        assertEquals(FIRST, groups.get(0).getAttributes().get(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE));
        assertEquals(new InetSocketAddress("127.0.0.1", 7061), groups.get(1).getAddresses().get(0));
        assertEquals(SECOND, groups.get(1).getAttributes().get(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE));
    }

    /** Up to four checks over 2 s: true as soon as one says ready. */
    private static boolean awaitReady(final FabricLedgerHealth health) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            if (health.check().ready()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
