package org.pointsnet.chaincode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pointsnet.chaincode.ledger.auth.LocalOrg;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;

/**
 * Chaincode server settings taken from the environment the network script sets.
 *
 * <p>How our variables map onto fabric-chaincode-shim 2.5.x, which reads its own names:
 *
 * <ul>
 *   <li>{@code CHAINCODE_SERVER_ADDRESS} (host:port) → {@link ChaincodeServerProperties#setServerAddress}. The shim
 *       reads the same name, but only to pick server mode in {@code ContractRouter.main}; we build the server
 *       ourselves, so its value here is what counts.
 *   <li>{@code CHAINCODE_ID} ("label:hash" package id) → the shim's {@code --id} command-line option, which
 *       overrides its {@code CORE_CHAINCODE_ID_NAME}. If {@code CHAINCODE_ID} is unset, {@code CORE_CHAINCODE_ID_NAME}
 *       is accepted as a fallback. The shim sends this id when a peer connects.
 *   <li>{@code CHAINCODE_TLS_KEY_FILE} / {@code CHAINCODE_TLS_CERT_FILE} (PEM, key in PKCS#8) →
 *       {@link ChaincodeServerProperties#setKeyFile} / {@link ChaincodeServerProperties#setKeyCertChainFile}. The
 *       shim's own route to these ({@code CORE_PEER_TLS_ENABLED} + {@code CORE_TLS_CLIENT_KEY_FILE} /
 *       {@code CORE_TLS_CLIENT_CERT_FILE}) is not used: {@code CORE_PEER_TLS_ENABLED=true} would also make the shim
 *       demand client-mode paths, so the network script must leave it unset.
 *   <li>{@code CHAINCODE_CLIENT_CA_CERT} (PEM, the org's TLS CA) → {@link
 *       ChaincodeServerProperties#setTrustCertCollectionFile}, with which the shim's Netty server requires a client
 *       certificate that CA issued ({@code ClientAuth.REQUIRE}): only the org's own peer (its connection.json
 *       client_cert) gets in, not any process that can reach the port. Required whenever TLS is on.
 *   <li>{@code CHAINCODE_TLS_DISABLED=true} → plain gRPC ({@link ChaincodeServerProperties#setTlsEnabled} false).
 *       TLS is on by default so a missing variable cannot silently downgrade a real network.
 * </ul>
 *
 */
public record ServerConfig(
        String address, InetSocketAddress socketAddress, String chaincodeId, boolean tls, Path keyFile, Path certFile,
        Path clientCaFile) {

    public static final String ADDRESS = "CHAINCODE_SERVER_ADDRESS";
    public static final String ID = "CHAINCODE_ID";
    public static final String SHIM_ID = "CORE_CHAINCODE_ID_NAME";
    public static final String TLS_DISABLED = "CHAINCODE_TLS_DISABLED";
    public static final String TLS_KEY_FILE = "CHAINCODE_TLS_KEY_FILE";
    public static final String TLS_CERT_FILE = "CHAINCODE_TLS_CERT_FILE";
    public static final String CLIENT_CA_CERT = "CHAINCODE_CLIENT_CA_CERT";

    /**
     * Reads and checks the settings, failing with a message that names the variable at fault.
     *
     * @param env the process environment (a map so tests need not touch the real one)
     * @return the checked settings
     * @throws IllegalArgumentException if a variable is missing or malformed
     */
    public static ServerConfig fromEnv(final Map<String, String> env) {
        // The contracts read these themselves (LocalOrg); checked here so a server that does not know whose peer it
        // serves never starts: it could not refuse another org's claim to this org's platforms.
        required(env, LocalOrg.MSP_ID);
        required(env, LocalOrg.OWN_PLATFORMS);
        final String address = required(env, ADDRESS);
        final InetSocketAddress socketAddress = parseHostPort(address);
        final String id = isBlank(env.get(ID)) ? env.get(SHIM_ID) : env.get(ID);
        if (isBlank(id)) {
            throw new IllegalArgumentException(ID + " (or " + SHIM_ID + ") must be set");
        }
        final boolean tls = !"true".equalsIgnoreCase(env.getOrDefault(TLS_DISABLED, "").trim());
        if (!tls) {
            return new ServerConfig(address, socketAddress, id.trim(), false, null, null, null);
        }
        final Path key = readableFile(env, TLS_KEY_FILE);
        final Path cert = readableFile(env, TLS_CERT_FILE);
        final Path clientCa = readableFile(env, CLIENT_CA_CERT);
        return new ServerConfig(address, socketAddress, id.trim(), true, key, cert, clientCa);
    }

    /** Arguments for {@code new ContractRouter(args)}; the id is the only one it needs in server mode. */
    public String[] shimArgs() {
        return new String[] {"--id", chaincodeId};
    }

    /** Server properties for the shim's Netty gRPC server; keep-alive and size limits stay at the shim defaults. */
    public ChaincodeServerProperties toServerProperties() {
        final ChaincodeServerProperties props = new ChaincodeServerProperties();
        props.setServerAddress(socketAddress);
        props.setTlsEnabled(tls);
        if (tls) {
            props.setKeyFile(keyFile.toString());
            props.setKeyCertChainFile(certFile.toString());
            props.setTrustCertCollectionFile(clientCaFile.toString());
        }
        return props;
    }

    private static String required(final Map<String, String> env, final String name) {
        final String value = env.get(name);
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value.trim();
    }

    private static Path readableFile(final Map<String, String> env, final String name) {
        final Path path = Path.of(required(env, name));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            // Fail here with the variable's name rather than deep inside Netty's SSL setup.
            throw new IllegalArgumentException(
                    name + " is not a readable file: " + path + " (set " + TLS_DISABLED + "=true for plain gRPC)");
        }
        return path;
    }

    private static InetSocketAddress parseHostPort(final String address) {
        try {
            // A dummy scheme makes URI parse host:port, including bracketed IPv6 literals.
            final URI uri = new URI("tcp://" + address);
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535 || !isBlank(uri.getPath())) {
                throw new IllegalArgumentException(ADDRESS + " must be host:port, got '" + address + "'");
            }
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ADDRESS + " must be host:port, got '" + address + "'", e);
        }
    }

    private static boolean isBlank(final String s) {
        return s == null || s.isBlank();
    }
}
