package org.pointsnet.admin.ledger;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How one org's admin reaches its own peer: read from the gateway environment {@code network render} writes for the
 * org ({@code <runtime>/platforms/<platformId>/gateway.env}), which already names the peer, its TLS CA, the channel,
 * the chaincode and the org's operator identity (Operator@, the chaincode's operator role).
 *
 * @param platformId the org's platform
 * @param mspId the org's MSP
 * @param peerEndpoint host:port of the org's peer
 * @param peerHostOverride the TLS name in the peer's certificate
 * @param tlsCaCert the org's TLS CA certificate (PEM)
 * @param certPath the operator's certificate (PEM)
 * @param keyPath the operator's private key (PEM)
 * @param channel the channel
 * @param chaincode the chaincode name
 * @param gatewayUrl the org's REST gateway (https), or null
 */
public record ConnectionSettings(String platformId, String mspId, String peerEndpoint, String peerHostOverride,
        Path tlsCaCert, Path certPath, Path keyPath, String channel, String chaincode, URI gatewayUrl) {

    /** The gateway environment file of {@code platformId} under {@code runtime}. */
    public static Path envFile(Path runtime, String platformId) {
        return runtime.resolve("platforms").resolve(platformId).resolve("gateway.env");
    }

    /** The same settings on another channel. */
    public ConnectionSettings onChannel(String otherChannel) {
        return new ConnectionSettings(platformId, mspId, peerEndpoint, peerHostOverride, tlsCaCert, certPath, keyPath,
            otherChannel, chaincode, gatewayUrl);
    }

    /** Reads {@code file}; a missing file or variable is a {@link LedgerException} naming both. */
    public static ConnectionSettings read(String platformId, Path file) {
        Map<String, String> env = parse(file);
        String url = env.get("PN_GATEWAY_URL");
        return new ConnectionSettings(platformId, required(env, file, "POINTSNET_FABRIC_MSPID"),
            required(env, file, "POINTSNET_FABRIC_PEERENDPOINT"),
            required(env, file, "POINTSNET_FABRIC_PEERHOSTOVERRIDE"),
            Path.of(required(env, file, "POINTSNET_FABRIC_TLSCACERT")),
            Path.of(required(env, file, "POINTSNET_FABRIC_ADMINCERTPATH")),
            Path.of(required(env, file, "POINTSNET_FABRIC_ADMINKEYPATH")),
            required(env, file, "POINTSNET_FABRIC_CHANNEL"), required(env, file, "POINTSNET_FABRIC_CHAINCODE"),
            url == null || url.isBlank() ? null : URI.create(url));
    }

    private static Map<String, String> parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw LedgerException.usage("no connection settings at " + file
                + " (run 'network render' first, or pass --runtime/--env-file)");
        } catch (IOException e) {
            throw LedgerException.usage("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> env = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 1) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, eq).strip(), value);
        }
        return env;
    }

    private static String required(Map<String, String> env, Path file, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw LedgerException.usage(file + " has no " + name);
        }
        return value;
    }
}
