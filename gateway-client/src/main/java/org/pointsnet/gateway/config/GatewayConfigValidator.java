package org.pointsnet.gateway.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pointsnet.contract.Limits;

/**
 * Checks the bound {@link GatewayProperties} and reports every problem at once, each by property name, so a
 * misconfigured gateway fails at startup with one readable message. Checks only shape and file presence; the
 * contents of the PEM files are checked when they are loaded.
 */
public final class GatewayConfigValidator {

    private static final String PREFIX = "pointsnet.";
    private static final String TRUST = "trust.platforms";

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
        final List<GatewaySettings.TrustedPlatform> trust = trust(checks, properties.trust(), platformId, mspId);

        if (!checks.problems.isEmpty()) {
            throw new InvalidConfigurationException(checks.problems);
        }
        final String authority = override != null ? override : peer.host();
        return new GatewaySettings(platformId,
            new GatewaySettings.Fabric(mspId, peer.host(), peer.port(), authority, tlsCaCert, certPath, keyPath,
                channel, chaincode),
            trust);
    }

    /**
     * {@code pointsnet.trust.platforms[i]}: required, because without it the projection could not tell a genuine
     * receipt from one another org's peer made up; each platform id once; this gateway's own platform listed with
     * its own MSP (a mismatch means the rendered environment belongs to another org).
     */
    private static List<GatewaySettings.TrustedPlatform> trust(final Checks checks, final GatewayProperties.Trust trust,
                                                               final String platformId, final String mspId) {
        final List<GatewayProperties.TrustedPlatform> entries = trust == null || trust.platforms() == null
            ? List.of() : trust.platforms();
        if (entries.isEmpty()) {
            checks.problem(TRUST, "is required but not set: one entry per platform (platform-id, msp-id, "
                + "ca-cert-path), e.g. POINTSNET_TRUST_PLATFORMS_0_PLATFORMID as admin-cli network render writes "
                + "into gateway.env");
            return List.of();
        }
        final List<GatewaySettings.TrustedPlatform> platforms = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        boolean ownListed = false;
        for (int i = 0; i < entries.size(); i++) {
            final String prefix = TRUST + "[" + i + "].";
            final GatewayProperties.TrustedPlatform entry = entries.get(i) != null ? entries.get(i)
                : new GatewayProperties.TrustedPlatform(null, null, null);
            final String id = checks.platformId(prefix + "platform-id", entry.platformId());
            final String msp = checks.identifier(prefix + "msp-id", entry.mspId());
            final Path caCert = checks.readableFile(prefix + "ca-cert-path", entry.caCertPath());
            if (id != null && !seen.add(id)) {
                checks.problem(prefix + "platform-id", "platform '" + id + "' is listed more than once");
                continue;
            }
            if (id != null && id.equals(platformId)) {
                ownListed = true;
                if (msp != null && mspId != null && !msp.equals(mspId)) {
                    checks.problem(prefix + "msp-id", "this gateway's platform '" + id + "' must be owned by "
                        + "its own MSP " + mspId + " (pointsnet.fabric.msp-id), got " + msp);
                }
            }
            if (id != null && msp != null && caCert != null) {
                platforms.add(new GatewaySettings.TrustedPlatform(id, msp, caCert,
                    PREFIX + prefix + "ca-cert-path"));
            }
        }
        if (platformId != null && !ownListed) {
            checks.problem(TRUST, "does not list this gateway's own platform '" + platformId + "'");
        }
        return platforms;
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

        String platformId(final String property, final String value) {
            final String v = required(property, value);
            // The chaincode's platform id rule: a trust entry that breaks it could never match a receipt.
            if (v != null && !Limits.PLATFORM_ID.matcher(v).matches()) {
                problem(property, "must be a platform id, [a-z0-9][a-z0-9-]{1,31} (got '" + v + "')");
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
