package org.pointsnet.gateway.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the bound {@link GatewayProperties} and reports every problem at once, each by property name, so a
 * misconfigured gateway fails at startup with one readable message. Checks only shape and file presence; the
 * contents of the PEM files are checked when they are loaded.
 */
public final class GatewayConfigValidator {

    private static final String PREFIX = "pointsnet.";

    private GatewayConfigValidator() {
    }

    /**
     * @return the validated settings
     * @throws InvalidConfigurationException listing every missing or invalid property
     */
    public static GatewaySettings validate(final GatewayProperties properties) {
        final Checks checks = new Checks();
        final GatewayProperties.Fabric fabric = properties.fabric() != null
            ? properties.fabric() : new GatewayProperties.Fabric(null, null, null, null, null, null, null, null);

        final String platformId = checks.identifier("platform-id", properties.platformId());
        final String mspId = checks.identifier("fabric.msp-id", fabric.mspId());
        final HostPort peer = checks.hostPort("fabric.peer-endpoint", fabric.peerEndpoint());
        final String override = checks.optionalHost("fabric.peer-host-override", fabric.peerHostOverride());
        final Path tlsCaCert = checks.readableFile("fabric.tls-ca-cert", fabric.tlsCaCert());
        final Path certPath = checks.readableFile("fabric.cert-path", fabric.certPath());
        final Path keyPath = checks.readableFile("fabric.key-path", fabric.keyPath());
        final String channel = checks.identifier("fabric.channel", fabric.channel());
        final String chaincode = checks.identifier("fabric.chaincode", fabric.chaincode());

        if (!checks.problems.isEmpty()) {
            throw new InvalidConfigurationException(checks.problems);
        }
        final String authority = override != null ? override : peer.host();
        return new GatewaySettings(platformId,
            new GatewaySettings.Fabric(mspId, peer.host(), peer.port(), authority, tlsCaCert, certPath, keyPath,
                channel, chaincode));
    }

    private record HostPort(String host, int port) {
    }

    /** Collects problems instead of stopping at the first, so one restart fixes them all. */
    private static final class Checks {
        private final List<ConfigProblem> problems = new ArrayList<>();

        private void problem(final String property, final String message) {
            problems.add(new ConfigProblem(PREFIX + property, message));
        }

        private String required(final String property, final String value) {
            if (value == null || value.isBlank()) {
                problem(property, "is required but not set");
                return null;
            }
            return value.strip();
        }

        String identifier(final String property, final String value) {
            final String v = required(property, value);
            if (v != null && v.chars().anyMatch(Character::isWhitespace)) {
                problem(property, "must not contain whitespace (got '" + v + "')");
                return null;
            }
            return v;
        }

        String optionalHost(final String property, final String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return identifier(property, value);
        }

        HostPort hostPort(final String property, final String value) {
            final String v = identifier(property, value);
            if (v == null) {
                return null;
            }
            final int colon = v.lastIndexOf(':');
            String host = colon > 0 ? v.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            final int port = colon > 0 ? parsePort(v.substring(colon + 1)) : -1;
            if (host.isEmpty() || port < 0) {
                problem(property, "must be host:port with a port of 1-65535 (got '" + v + "')");
                return null;
            }
            return new HostPort(host, port);
        }

        private static int parsePort(final String text) {
            try {
                final int port = Integer.parseInt(text);
                return port >= 1 && port <= 65535 ? port : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        Path readableFile(final String property, final String value) {
            final Path path = path(property, value);
            if (path == null) {
                return null;
            }
            if (!Files.exists(path)) {
                problem(property, "file " + path + " does not exist");
            } else if (!Files.isRegularFile(path)) {
                problem(property, path + " is not a regular file");
            } else if (!Files.isReadable(path)) {
                problem(property, "file " + path + " is not readable by this process");
            } else {
                return path;
            }
            return null;
        }

        private Path path(final String property, final String value) {
            final String v = required(property, value);
            if (v == null) {
                return null;
            }
            try {
                return Path.of(v).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                problem(property, "is not a valid path (got '" + v + "')");
                return null;
            }
        }
    }
}
