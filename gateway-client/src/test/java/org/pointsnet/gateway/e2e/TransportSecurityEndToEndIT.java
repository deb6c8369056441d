package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.PLATFORMS;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Transport security of the live network: each gateway speaks only HTTPS with a certificate its org's TLS CA issued
 * (plain HTTP and clients that do not trust that CA get nothing); each chaincode server lets in only a client
 * certificate of its own org's TLS CA (its peer's), not an anonymous TLS client nor another org's certificate, while
 * its peer keeps endorsing through it; the operations endpoints of orderers and peers listen on loopback only.
 */
@Tag("network")
class TransportSecurityEndToEndIT {

    private static final Path RUNTIME = ApiNetwork.runtime();

    @Test
    void gatewaysServeVerifiedHttpsOnly() throws Exception {
        final Map<String, NetworkStatus.Gateway> gateways = NetworkStatus.answeringGatewayClients(PLATFORMS);
        for (final NetworkStatus.Gateway gateway : gateways.values()) {
            final URI live = gateway.url().resolve("/health/live");
            assertEquals("https", live.getScheme(), live.toString());
            final HttpClient ownCa = GatewayHttp.client(GatewayTrust.trusting(List.of(gateway.caCert())));
            assertEquals(200, ownCa.send(HttpRequest.newBuilder(live).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), live.toString());

            // Plain HTTP to the same port: Tomcat answers a bare 400, never the API.
            final URI plain = URI.create("http://" + live.getAuthority() + "/health/live");
            final HttpResponse<String> inClear = ownCa.send(HttpRequest.newBuilder(plain).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(400, inClear.statusCode(), inClear.body());
            assertTrue(inClear.body().contains("requires TLS"), inClear.body());

            // Clients that do not trust the org's TLS CA: the JDK's default CAs, and another org's TLS CA.
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString()));
            final Path otherCa = gateways.values().stream().map(NetworkStatus.Gateway::caCert)
                .filter(ca -> !ca.equals(gateway.caCert())).findFirst().orElseThrow();
            assertThrows(SSLHandshakeException.class, () -> GatewayHttp.client(GatewayTrust.trusting(List.of(otherCa)))
                .send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void chaincodeServersAdmitOnlyTheirOwnOrgsClientCertificate() throws Exception {
        final Map<String, String> envA = chaincodeEnv(A);
        final String address = envA.get("PN_NODE_ADDRESS");
        final Path caA = Path.of(envA.get("CHAINCODE_CLIENT_CA_CERT"));
        final Path ownPeer = caA.resolveSibling("peer-client.crt");
        final Path otherOrgsPeer = Path.of(chaincodeEnv(B).get("CHAINCODE_CLIENT_CA_CERT")).resolveSibling("peer-client.crt");

        assertFalse(ChaincodeTlsClient.of(caA, Optional.empty()).admitted(address),
            "a TLS client without a certificate got into platform-a's chaincode server");
        assertFalse(ChaincodeTlsClient.of(caA, Optional.of(otherOrgsPeer)).admitted(address),
            "platform-b's peer certificate got into platform-a's chaincode server");
        assertTrue(ChaincodeTlsClient.of(caA, Optional.of(ownPeer)).admitted(address),
            "platform-a's own peer certificate (connection.json client_cert) must get in");

        // And the peer, dialling with connection.json's client pair, still reaches it: a query through it answers.
        final ApiClient a = ApiNetwork.clients().get(A);
        assertEquals(200, a.get("/api/v1/platforms").statusCode());
    }

    @Test
    void operationsEndpointsListenOnLoopbackOnly() throws Exception {
        final List<String> envFiles = new ArrayList<>();
        try (Stream<Path> orderers = Files.list(RUNTIME.resolve("orderers"))) {
            orderers.forEach(dir -> envFiles.add(dir.resolve("node.env").toString()));
        }
        for (final String platform : PLATFORMS) {
            // Every peer of the platform: peer.env, and peer-2.env ... with several (peers: in the spec).
            final Path dir = RUNTIME.resolve("platforms").resolve(platform);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.matches("peer(-\\d+)?\\.env"))
                    .forEach(name -> envFiles.add(dir.resolve(name).toString()));
            }
        }
        for (final String file : envFiles) {
            final Map<String, String> env = LedgerNetwork.readEnv(Path.of(file));
            final List<String> listening = listeningSockets(env);
            final String operations = Optional.ofNullable(env.get("CORE_OPERATIONS_LISTENADDRESS"))
                .orElse(env.get("ORDERER_OPERATIONS_LISTENADDRESS"));
            final String port = operations.substring(operations.lastIndexOf(':') + 1);
            final List<String> bound = listening.stream().filter(socket -> socket.endsWith(":" + port)).toList();
            assertFalse(bound.isEmpty(), "nothing listens on the operations port of " + file);
            assertTrue(bound.stream().allMatch(socket -> socket.startsWith("127.")),
                file + ": operations endpoint bound beyond loopback: " + bound);
        }
    }

    private static Map<String, String> chaincodeEnv(final String platform) {
        return LedgerNetwork.readEnv(RUNTIME.resolve("platforms").resolve(platform).resolve("chaincode.env"));
    }

    /**
     * Every listening IPv4 TCP socket of the node's host (this machine, or the org's network namespace when the
     * network simulates hosts) as "a.b.c.d:port", from /proc/net/tcp (state 0A).
     */
    private static List<String> listeningSockets(final Map<String, String> env) {
        final List<String> sockets = new ArrayList<>();
        for (final String line : NodeHosts.procNet(env, "tcp")) {
            final String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && "0A".equals(fields[3])) {
                final String[] local = fields[1].split(":");
                final long ip = Long.parseLong(local[0], 16);
                // Little-endian on x86: the first octet is the lowest byte.
                sockets.add((ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff)
                    + ":" + Integer.parseInt(local[1], 16));
            }
        }
        // An IPv6 wildcard socket would accept IPv4 too: none may listen on these ports.
        for (final String line : NodeHosts.procNet(env, "tcp6")) {
            final String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && "0A".equals(fields[3])) {
                final String[] local = fields[1].split(":");
                final boolean loopback = local[0].equals("00000000000000000000000001000000");
                sockets.add((loopback ? "127.0.0.1(::1)" : "[" + local[0] + "]") + ":" + Integer.parseInt(local[1], 16));
            }
        }
        return sockets;
    }
}
