package org.pointsnet.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigValidatorTest {

    @TempDir
    Path dir;

    private Path tlsCa;
    private Path cert;
    private Path key;

    @BeforeEach
    void files() throws Exception {
        tlsCa = Files.writeString(dir.resolve("tlsca.pem"), "x");
        cert = Files.writeString(dir.resolve("cert.pem"), "x");
        key = Files.writeString(dir.resolve("key.pem"), "x");
    }

    private GatewayProperties properties(final String endpoint, final String override, final String keyPath) {
        return new GatewayProperties("platform-a",
            new GatewayProperties.Fabric("PlatformAMSP", endpoint, override, tlsCa.toString(), cert.toString(),
                keyPath, "points", "points"),
            new GatewayProperties.Probe(false));
    }

    @Test
    void completeConfigurationIsAccepted() {
        final GatewaySettings settings = GatewayConfigValidator.validate(
            properties("localhost:7051", "peer0.platform-a.pointsnet.local", key.toString()));

        assertEquals("platform-a", settings.platformId());
        assertEquals("localhost", settings.fabric().peerHost());
        assertEquals(7051, settings.fabric().peerPort());
        assertEquals("localhost:7051", settings.fabric().peerTarget());
        assertEquals("peer0.platform-a.pointsnet.local", settings.fabric().tlsAuthority());
        assertEquals(key, settings.fabric().keyPath());
    }

    @Test
    void withoutHostOverrideTheEndpointHostIsTheTlsName() {
        final GatewaySettings settings = GatewayConfigValidator.validate(properties("[::1]:7051", " ", key.toString()));

        assertEquals("::1", settings.fabric().peerHost());
        assertEquals("[::1]:7051", settings.fabric().peerTarget());
        assertEquals("::1", settings.fabric().tlsAuthority());
    }

    @Test
    void emptyConfigurationNamesEveryRequiredProperty() {
        final var empty = new GatewayProperties(null, null, null);

        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(empty));

        final List<String> named = e.problems().stream().map(ConfigProblem::property).toList();
        assertEquals(List.of("pointsnet.platform-id", "pointsnet.fabric.msp-id", "pointsnet.fabric.peer-endpoint",
            "pointsnet.fabric.tls-ca-cert", "pointsnet.fabric.cert-path", "pointsnet.fabric.key-path",
            "pointsnet.fabric.channel", "pointsnet.fabric.chaincode"), named);
        assertTrue(e.getMessage().contains("pointsnet.fabric.msp-id: is required but not set"), e.getMessage());
    }

    @Test
    void badEndpointAndMissingFileAreReportedTogether() {
        final String missing = dir.resolve("nope.pem").toString();

        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost:99999", null, missing)));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(new ConfigProblem("pointsnet.fabric.peer-endpoint",
            "must be host:port with a port of 1-65535 (got 'localhost:99999')"), e.problems().get(0));
        assertEquals(new ConfigProblem("pointsnet.fabric.key-path", "file " + missing + " does not exist"),
            e.problems().get(1));
    }

    @Test
    void endpointWithoutPortIsRejected() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost", null, key.toString())));

        assertEquals("pointsnet.fabric.peer-endpoint", e.problems().get(0).property());
    }

    @Test
    void directoryWhereAFileBelongsIsRejected() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost:7051", null, dir.toString())));

        assertEquals(new ConfigProblem("pointsnet.fabric.key-path", dir + " is not a regular file"),
            e.problems().get(0));
    }

    @Test
    void whitespaceInAnIdentifierIsRejected() {
        final var props = new GatewayProperties("platform a", properties("localhost:7051", null, key.toString())
            .fabric(), null);

        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(props));

        assertEquals("pointsnet.platform-id", e.problems().get(0).property());
    }

    @Test
    void failureAnalysisShowsTheProblemsAndHowToSetThem() {
        final var e = new InvalidConfigurationException("pointsnet.fabric.msp-id", "is required but not set");

        final var analysis = new InvalidConfigurationFailureAnalyzer().analyze(new RuntimeException("wrapper", e));

        assertTrue(analysis.getDescription().contains("pointsnet.fabric.msp-id: is required but not set"),
            analysis.getDescription());
        assertTrue(analysis.getAction().contains("--pointsnet."), analysis.getAction());
    }
}
