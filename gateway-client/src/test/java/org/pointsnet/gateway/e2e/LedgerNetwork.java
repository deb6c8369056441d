package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Opens Fabric Gateway connections to the live network as any org's client or admin, from the environment files
 * {@code test-network.sh up} rendered (runtime/platforms/&lt;id&gt;/gateway.env). Lets end-to-end tests drive the
 * chaincode directly, including what the REST gateway never does (choosing endorsing orgs). Like the gateway, a
 * connection fails over to the org's other peers.
 */
final class LedgerNetwork {

    /**
     * Whose identity a connection signs with: the gateway's client (User1), the org's operator (a client with the
     * operator role, for platform-admin functions) or the org's channel and lifecycle admin (Admin).
     */
    enum Role {
        CLIENT("User1"), OPERATOR("Operator"), ADMIN("Admin");

        private final String userName;

        Role(final String userName) {
            this.userName = userName;
        }
    }

    private final Path runtime;

    LedgerNetwork(final Path repoRoot) {
        this.runtime = repoRoot.resolve("runtime");
    }

    static LedgerNetwork fromSystemProperty() {
        return new LedgerNetwork(Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize());
    }

    /** The network's runtime folder (env files, pid files, logs, staged jars). */
    Path runtime() {
        return runtime;
    }

    FabricConnection connect(final String platformId, final Role role) {
        return connect(platformId, role, null);
    }

    /** A connection on {@code channel} (null: the network's channel, e.g. for a channel a test created). */
    FabricConnection connect(final String platformId, final Role role, final String channel) {
        final Map<String, String> env = readEnv(runtime.resolve("platforms").resolve(platformId).resolve("gateway.env"));
        final String endpoint = env.get("POINTSNET_FABRIC_PEERENDPOINT");
        final int colon = endpoint.lastIndexOf(':');
        return FabricConnection.open(new GatewaySettings.Fabric(
            env.get("POINTSNET_FABRIC_MSPID"),
            endpoint.substring(0, colon),
            Integer.parseInt(endpoint.substring(colon + 1)),
            env.get("POINTSNET_FABRIC_PEERHOSTOVERRIDE"),
            Path.of(env.get("POINTSNET_FABRIC_TLSCACERT")),
            asUser(Path.of(env.get("POINTSNET_FABRIC_CERTPATH")), role),
            asUser(Path.of(env.get("POINTSNET_FABRIC_KEYPATH")), role),
            channel == null ? env.get("POINTSNET_FABRIC_CHANNEL") : channel,
            env.get("POINTSNET_FABRIC_CHAINCODE"),
            fallbackPeers(env)));
    }

    /** The org's other peers, as its gateways fail over to them (POINTSNET_FABRIC_FALLBACKPEERS_i_*). */
    private static List<GatewaySettings.PeerAddress> fallbackPeers(final Map<String, String> env) {
        final List<GatewaySettings.PeerAddress> peers = new ArrayList<>();
        for (int i = 0; env.containsKey("POINTSNET_FABRIC_FALLBACKPEERS_" + i + "_ENDPOINT"); i++) {
            final String endpoint = env.get("POINTSNET_FABRIC_FALLBACKPEERS_" + i + "_ENDPOINT");
            final int colon = endpoint.lastIndexOf(':');
            peers.add(new GatewaySettings.PeerAddress(endpoint.substring(0, colon),
                Integer.parseInt(endpoint.substring(colon + 1)),
                env.get("POINTSNET_FABRIC_FALLBACKPEERS_" + i + "_HOSTOVERRIDE")));
        }
        return peers;
    }

    String mspId(final String platformId) {
        return readEnv(runtime.resolve("platforms").resolve(platformId).resolve("gateway.env")).get("POINTSNET_FABRIC_MSPID");
    }

    /** The same file of another user of the org: users/User1@dom/msp/... → users/Admin@dom/msp/... */
    private static Path asUser(final Path userFile, final Role role) {
        final String text = userFile.toString();
        return Path.of(text.replace("/User1@", "/" + role.userName + "@").replace("User1@", role.userName + "@"));
    }

    /** The variables of an env file {@code admin-cli network render} wrote (NAME='value' lines). */
    static Map<String, String> readEnv(final Path file) {
        try {
            final Map<String, String> values = new LinkedHashMap<>();
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) {
                    continue;
                }
                values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; is the network up (./test-network.sh up)?", e);
        }
    }
}
