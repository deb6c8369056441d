package org.pointsnet.gateway.ledger;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.GatewayConfigValidator;
import org.pointsnet.gateway.config.GatewayProperties;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;

class LedgerConfigurationTest {

    private static final GatewaySettings SETTINGS = new GatewaySettings("platform-a",
        new GatewaySettings.Fabric("PlatformAMSP", "localhost", 7051, "peer0", Path.of("ca.pem"), Path.of("cert.pem"),
            Path.of("key.pem"), "points", "points"),
        List.of(new GatewaySettings.TrustedPlatform("platform-a", "PlatformAMSP", Path.of("ca-a.pem"),
            "pointsnet.trust.platforms[0].ca-cert-path")),
        Optional.empty(), Optional.empty(), Optional.empty(), new GatewaySettings.Projection(20, Duration.ofSeconds(10)));

    @TempDir
    Path dir;

    /** The admin identity is checked with the rest of the configuration, which is otherwise complete here. */
    private void validateWithAdmin(final String certPath, final String keyPath) throws Exception {
        final String file = Files.writeString(dir.resolve("some.pem"), "x").toString();
        GatewayConfigValidator.validate(new GatewayProperties("platform-a",
            new GatewayProperties.Fabric("PlatformAMSP", "localhost:7051", null, file, file, file, "points", "points",
                certPath, keyPath, null),
            null, new GatewayProperties.Trust(List.of(
                new GatewayProperties.TrustedPlatform("platform-a", "PlatformAMSP", file))),
            null, null, null, null));
    }

    @Test
    void noAdminIdentityMeansNoAdminConnection() {
        try (LedgerConfiguration.AdminConnection admin = new LedgerConfiguration().adminFabricConnection(SETTINGS)) {
            assertNull(admin.connection);
        }
    }

    @Test
    void halfAnAdminIdentityIsAConfigurationError() {
        assertThrows(InvalidConfigurationException.class, () -> validateWithAdmin("admin-cert.pem", ""));
        assertThrows(InvalidConfigurationException.class, () -> validateWithAdmin("", "admin-key.pem"));
    }

    @Test
    void unreadableAdminFilesAreAConfigurationError() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> validateWithAdmin("/nonexistent/cert.pem", "/nonexistent/key.pem"));
        assertTrue(e.getMessage().contains("pointsnet.fabric.admin-cert-path"), e.getMessage());
    }
}
