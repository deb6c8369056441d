package org.pointsnet.chaincode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @Test
    void plainServer() {
        final ServerConfig c = withOrg(Map.of(
                "CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999",
                "CHAINCODE_ID", "points_1.0:abc123",
                "CHAINCODE_TLS_DISABLED", "true"));

        assertFalse(c.tls());
        assertEquals(new InetSocketAddress("127.0.0.1", 9999), c.socketAddress());
        assertEquals("points_1.0:abc123", c.chaincodeId());
        final ChaincodeServerProperties p = c.toServerProperties();
        p.validate();
        assertFalse(p.isTlsEnabled());
        assertNull(p.getKeyFile());
        assertEquals(
                "chaincode server listening on 127.0.0.1:9999 (tls=false, id=points_1.0:abc123)",
                AnnouncingChaincodeServer.listeningLine(c));
        assertEquals("--id points_1.0:abc123", String.join(" ", c.shimArgs()));
    }

    @Test
    void tlsServerRequiresClientCertificatesOfTheGivenCa(@TempDir final Path dir) throws IOException {
        final Path key = Files.writeString(dir.resolve("server.key"), "k");
        final Path cert = Files.writeString(dir.resolve("server.crt"), "c");
        final Path clientCa = Files.writeString(dir.resolve("ca.crt"), "ca");

        final ServerConfig c = withOrg(Map.of(
                "CHAINCODE_SERVER_ADDRESS", "localhost:7052",
                "CHAINCODE_ID", "id:1",
                "CHAINCODE_TLS_KEY_FILE", key.toString(),
                "CHAINCODE_TLS_CERT_FILE", cert.toString(),
                "CHAINCODE_CLIENT_CA_CERT", clientCa.toString()));

        final ChaincodeServerProperties p = c.toServerProperties();
        p.validate();
        assertTrue(p.isTlsEnabled());
        assertEquals(key.toString(), p.getKeyFile());
        assertEquals(cert.toString(), p.getKeyCertChainFile());
        // With a trust collection the shim's Netty server sets ClientAuth.REQUIRE.
        assertEquals(clientCa.toString(), p.getTrustCertCollectionFile());
        assertEquals("chaincode server listening on localhost:7052 (tls=true, id=id:1)",
                AnnouncingChaincodeServer.listeningLine(c));
    }

    @Test
    void aTlsServerWithoutAClientCaDoesNotStart(@TempDir final Path dir) throws IOException {
        final Path key = Files.writeString(dir.resolve("server.key"), "k");
        final Path cert = Files.writeString(dir.resolve("server.crt"), "c");
        assertMessage("CHAINCODE_CLIENT_CA_CERT must be set", Map.of(
                "CHAINCODE_SERVER_ADDRESS", "localhost:7052", "CHAINCODE_ID", "id:1",
                "CHAINCODE_TLS_KEY_FILE", key.toString(), "CHAINCODE_TLS_CERT_FILE", cert.toString()));
        assertMessage("CHAINCODE_CLIENT_CA_CERT is not a readable file", Map.of(
                "CHAINCODE_SERVER_ADDRESS", "localhost:7052", "CHAINCODE_ID", "id:1",
                "CHAINCODE_TLS_KEY_FILE", key.toString(), "CHAINCODE_TLS_CERT_FILE", cert.toString(),
                "CHAINCODE_CLIENT_CA_CERT", dir.resolve("missing.crt").toString()));
    }

    @Test
    void tlsIsOnUnlessDisabledSoMissingFilesFail() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withOrg(
                Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:1", "CHAINCODE_ID", "id:1")));
        assertTrue(e.getMessage().startsWith("CHAINCODE_TLS_KEY_FILE"), e.getMessage());

        final IllegalArgumentException notFile = assertThrows(IllegalArgumentException.class, () -> withOrg(
                Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:1", "CHAINCODE_ID", "id:1",
                        "CHAINCODE_TLS_DISABLED", "false", "CHAINCODE_TLS_KEY_FILE", "/nonexistent/key.pem",
                        "CHAINCODE_TLS_CERT_FILE", "/nonexistent/cert.pem")));
        assertTrue(notFile.getMessage().startsWith("CHAINCODE_TLS_KEY_FILE is not a readable file"));
    }

    @Test
    void idFallsBackToTheShimVariable() {
        final ServerConfig c = withOrg(Map.of(
                "CHAINCODE_SERVER_ADDRESS", "127.0.0.1:1",
                "CORE_CHAINCODE_ID_NAME", "shim:1",
                "CHAINCODE_TLS_DISABLED", "TRUE"));

        assertEquals("shim:1", c.chaincodeId());
    }

    @Test
    void missingOrMalformedSettingsNameTheVariable() {
        assertMessage("CHAINCODE_SERVER_ADDRESS must be set", Map.of("CHAINCODE_ID", "id:1"));
        assertMessage("CHAINCODE_ID (or CORE_CHAINCODE_ID_NAME) must be set", Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:1"));
        for (final String bad : new String[] {"127.0.0.1", ":7052", "127.0.0.1:0", "127.0.0.1:70000", "host:port",
                "h:1/x"}) {
            assertMessage("CHAINCODE_SERVER_ADDRESS must be host:port",
                    Map.of("CHAINCODE_SERVER_ADDRESS", bad, "CHAINCODE_ID", "id:1"));
        }
    }

    @Test
    void aServerThatDoesNotKnowWhosePeerItServesDoesNotStart() {
        final Map<String, String> plain = Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:1", "CHAINCODE_ID", "id:1",
                "CHAINCODE_TLS_DISABLED", "true");
        final IllegalArgumentException noMsp = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnv(plain));
        assertEquals("CORE_PEER_LOCALMSPID must be set", noMsp.getMessage());
        final Map<String, String> withMsp = new HashMap<>(plain);
        withMsp.put("CORE_PEER_LOCALMSPID", "PlatformAMSP");
        final IllegalArgumentException noPlatforms = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnv(withMsp));
        assertEquals("POINTSNET_OWN_PLATFORMS must be set", noPlatforms.getMessage());
    }

    /** {@code env} plus this org's identity, which every server needs and these tests are not about. */
    private static ServerConfig withOrg(final Map<String, String> env) {
        final Map<String, String> full = new HashMap<>(env);
        full.putIfAbsent("CORE_PEER_LOCALMSPID", "PlatformAMSP");
        full.putIfAbsent("POINTSNET_OWN_PLATFORMS", "platform-a");
        return ServerConfig.fromEnv(full);
    }

    private static void assertMessage(final String prefix, final Map<String, String> env) {
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> withOrg(env), env.toString());
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
