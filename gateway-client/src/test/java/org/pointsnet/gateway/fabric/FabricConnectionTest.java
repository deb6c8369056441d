package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ConnectivityState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.pointsnet.gateway.support.TestPki;

class FabricConnectionTest {

    @TempDir
    Path dir;

    private GatewaySettings.Fabric settings(final Path tlsCa, final Path cert, final Path key) {
        return new GatewaySettings.Fabric("PlatformAMSP", "127.0.0.1", 1, "peer0.platform-a.pointsnet.local",
            tlsCa, cert, key, "points", "points");
    }

    @Test
    void opensWithoutDialingThePeer() throws Exception {
        final var ca = TestPki.write(dir, "tlsca");
        final var user = TestPki.write(dir, "user1");

        try (FabricConnection connection = FabricConnection.open(settings(ca.cert(), user.cert(), user.key()))) {
            assertEquals("points", connection.chaincodeName());
            assertEquals("points", connection.network().getName());
            assertEquals(ConnectivityState.IDLE, connection.channelState(false));
        }
    }

    @Test
    void keyOfAnotherIdentityIsRejectedByProperty() throws Exception {
        final var ca = TestPki.write(dir, "tlsca");
        final var user = TestPki.write(dir, "user1");
        final var other = TestPki.write(dir, "other");

        final var e = assertThrows(InvalidConfigurationException.class,
            () -> FabricConnection.open(settings(ca.cert(), user.cert(), other.key())));

        assertEquals("pointsnet.fabric.key-path", e.problems().get(0).property());
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
    }

    @Test
    void fileThatIsNotPemIsRejectedByPropertyWithoutQuotingIt() throws Exception {
        final var ca = TestPki.write(dir, "tlsca");
        final var user = TestPki.write(dir, "user1");
        final Path garbage = Files.writeString(dir.resolve("garbage.pem"), "SECRET-BYTES not a key");

        final var e = assertThrows(InvalidConfigurationException.class,
            () -> FabricConnection.open(settings(ca.cert(), user.cert(), garbage)));

        assertEquals("pointsnet.fabric.key-path", e.problems().get(0).property());
        assertTrue(!e.getMessage().contains("SECRET-BYTES"), e.getMessage());
    }

    @Test
    void tlsCaThatIsNotACertificateIsRejected() throws Exception {
        final var user = TestPki.write(dir, "user1");

        final var e = assertThrows(InvalidConfigurationException.class,
            () -> FabricConnection.open(settings(user.key(), user.cert(), user.key())));

        assertEquals("pointsnet.fabric.tls-ca-cert", e.problems().get(0).property());
    }
}
