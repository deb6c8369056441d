package org.pointsnet.gateway.ledger;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;

class LedgerConfigurationTest {

    private static final GatewaySettings SETTINGS = new GatewaySettings("platform-a",
        new GatewaySettings.Fabric("PlatformAMSP", "localhost", 7051, "peer0", Path.of("ca.pem"), Path.of("cert.pem"),
            Path.of("key.pem"), "points", "points"),
        List.of(new GatewaySettings.TrustedPlatform("platform-a", "PlatformAMSP", Path.of("ca-a.pem"),
            "pointsnet.trust.platforms[0].ca-cert-path")));

    @Test
    void noAdminIdentityMeansNoAdminConnection() {
        try (LedgerConfiguration.AdminConnection admin =
                 new LedgerConfiguration().adminFabricConnection(SETTINGS, "", "")) {
            assertNull(admin.connection);
        }
    }

    @Test
    void halfAnAdminIdentityIsAConfigurationError() {
        assertThrows(InvalidConfigurationException.class,
            () -> new LedgerConfiguration().adminFabricConnection(SETTINGS, "admin-cert.pem", ""));
        assertThrows(InvalidConfigurationException.class,
            () -> new LedgerConfiguration().adminFabricConnection(SETTINGS, "", "admin-key.pem"));
    }

    @Test
    void unreadableAdminFilesAreAConfigurationError() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> new LedgerConfiguration().adminFabricConnection(SETTINGS, "/nonexistent/cert.pem",
                "/nonexistent/key.pem"));
        assertTrue(e.getMessage().contains("pointsnet.fabric.admin-cert-path"), e.getMessage());
    }
}
