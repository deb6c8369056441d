package org.pointsnet.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pointsnet.contract.Limits;

/**
 * Checks the bound {@link GatewayProperties} and reports every problem at once, each by property name, so a
 * misconfigured gateway fails at startup with one readable message. Checks only shape and file presence; the
 * contents of the PEM files are checked when they are loaded.
 *
 * <p>A section that is null (properties built in code, never by the binder, which supplies every section) counts as
 * empty, except {@code oauth}: its checks depend on its mode, which only the binder defaults, so a null one is not
 * checked and the settings carry no OAuth.
 */
public final class GatewayConfigValidator {

    private static final String TRUST = "trust.platforms";
    /** The back-end client's secret: long enough that guessing it is hopeless. */
    static final int MIN_CLIENT_SECRET = 32;
    /** The user id HMAC key: at least 256 bits' worth of characters. */
    static final int MIN_USERS_KEY = 32;

    private GatewayConfigValidator() {
    }

    /**
     * Checks the {@code pointsnet.*} properties only; the application checks its listeners too ({@link
     * #validate(GatewayProperties, List)}).
     *
     * @return the validated settings
     * @throws InvalidConfigurationException listing every missing or invalid property
     */
    public static GatewaySettings validate(final GatewayProperties properties) {
        return validate(properties, List.of());
    }

    /**
     * @param listeners the sockets the gateway will serve on ({@link Listener#of}): none may be reachable from
     *                  other machines without TLS
     * @return the validated settings
     * @throws InvalidConfigurationException listing every missing or invalid property
     */
    public static GatewaySettings validate(final GatewayProperties properties, final List<Listener> listeners) {
        final ConfigChecks checks = new ConfigChecks();
        listeners.forEach(listener -> transport(checks, listener));
        final GatewayProperties.Fabric fabric = properties.fabric() != null ? properties.fabric()
            : new GatewayProperties.Fabric(null, null, null, null, null, null, null, null, null, null, null);

        final String platformId = checks.identifier("platform-id", properties.platformId());
        final String mspId = checks.identifier("fabric.msp-id", fabric.mspId());
        final ConfigChecks.HostPort peer = checks.hostPort("fabric.peer-endpoint", fabric.peerEndpoint());
        final String override = checks.optionalHost("fabric.peer-host-override", fabric.peerHostOverride());
        final List<GatewaySettings.PeerAddress> fallbackPeers = fallbackPeers(checks, fabric.fallbackPeers());
        final Path tlsCaCert = checks.readableFile("fabric.tls-ca-cert", fabric.tlsCaCert());
        final Path certPath = checks.readableFile("fabric.cert-path", fabric.certPath());
        final Path keyPath = checks.readableFile("fabric.key-path", fabric.keyPath());
        final String channel = checks.identifier("fabric.channel", fabric.channel());
        final String chaincode = checks.identifier("fabric.chaincode", fabric.chaincode());
        final List<GatewaySettings.TrustedPlatform> trust = trust(checks, properties.trust(), platformId, mspId);
        final Optional<GatewaySettings.AdminIdentity> admin = admin(checks, fabric);
        final Optional<Secret> usersKey = usersKey(checks, properties.users());
        final Optional<GatewaySettings.OAuth> oauth = Optional.ofNullable(properties.oauth())
            .map(section -> oauth(checks, section));
        final GatewaySettings.Projection projection = projection(checks, properties.projection());
        final GatewaySettings.Quotes quotes = quotes(checks, properties.quotes());

        if (!checks.problems().isEmpty()) {
            throw new InvalidConfigurationException(checks.problems());
        }
        final String authority = override != null ? override : peer.host();
        return new GatewaySettings(platformId,
            new GatewaySettings.Fabric(mspId, peer.host(), peer.port(), authority, tlsCaCert, certPath, keyPath,
                channel, chaincode, fallbackPeers),
            trust, admin, usersKey, oauth, projection, quotes);
    }

    /** {@code pointsnet.fabric.fallback-peers[i]}: each an endpoint, its TLS name the override or the host. */
    private static List<GatewaySettings.PeerAddress> fallbackPeers(final ConfigChecks checks,
                                                                   final List<GatewayProperties.FallbackPeer> peers) {
        final List<GatewaySettings.PeerAddress> addresses = new ArrayList<>();
        if (peers == null) {
            return addresses;
        }
        for (int i = 0; i < peers.size(); i++) {
            final String prefix = "fabric.fallback-peers[" + i + "].";
            final GatewayProperties.FallbackPeer entry = peers.get(i) != null ? peers.get(i)
                : new GatewayProperties.FallbackPeer(null, null);
            final ConfigChecks.HostPort endpoint = checks.hostPort(prefix + "endpoint", entry.endpoint());
            final String override = checks.optionalHost(prefix + "host-override", entry.hostOverride());
            if (endpoint != null) {
                addresses.add(new GatewaySettings.PeerAddress(endpoint.host(), endpoint.port(),
                    override != null ? override : endpoint.host()));
            }
        }
        return addresses;
    }

    /**
     * Plain HTTP only on loopback: elsewhere bearer tokens, client secrets, passwords and user ids would cross the
     * network in clear, readable and replayable by anyone on the path.
     */
    private static void transport(final ConfigChecks checks, final Listener listener) {
        if (listener.tls() || listener.loopbackOnly()) {
            return;
        }
        final String prefix = listener.prefix();
        checks.problemAt(prefix + ".address", "the gateway would listen on " + listener.describeAddress()
            + " without TLS, so tokens, secrets and user ids would cross the network in clear. Serve HTTPS ("
            + prefix + ".ssl.certificate and " + prefix + ".ssl.certificate-private-key, PEM files; admin-cli "
            + "network render writes them into gateway.env as SERVER_SSL_*) or listen on loopback only ("
            + prefix + ".address=127.0.0.1)");
    }

    /**
     * {@code pointsnet.trust.platforms[i]}: required, because without it the projection could not tell a genuine
     * receipt from one another org's peer made up; each platform id once; this gateway's own platform listed with
     * its own MSP (a mismatch means the rendered environment belongs to another org).
     */
    private static List<GatewaySettings.TrustedPlatform> trust(final ConfigChecks checks,
                                                               final GatewayProperties.Trust trust,
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
                    ConfigChecks.PREFIX + prefix + "ca-cert-path"));
            }
        }
        if (platformId != null && !ownListed) {
            checks.problem(TRUST, "does not list this gateway's own platform '" + platformId + "'");
        }
        return platforms;
    }

    /** The org's admin identity: both files or neither (then the admin endpoints answer 503). */
    private static Optional<GatewaySettings.AdminIdentity> admin(final ConfigChecks checks,
                                                                 final GatewayProperties.Fabric fabric) {
        final boolean noCert = ConfigChecks.blank(fabric.adminCertPath());
        final boolean noKey = ConfigChecks.blank(fabric.adminKeyPath());
        if (noCert && noKey) {
            return Optional.empty();
        }
        if (noCert || noKey) {
            checks.problem(noCert ? "fabric.admin-cert-path" : "fabric.admin-key-path",
                "set both admin-cert-path and admin-key-path, or neither");
            return Optional.empty();
        }
        final Path cert = checks.readableFile("fabric.admin-cert-path", fabric.adminCertPath());
        final Path key = checks.readableFile("fabric.admin-key-path", fabric.adminKeyPath());
        return cert == null || key == null ? Optional.empty()
            : Optional.of(new GatewaySettings.AdminIdentity(cert, key));
    }

    /** The user id key: optional (without it POST /users answers 503), but never a short one. */
    private static Optional<Secret> usersKey(final ConfigChecks checks, final GatewayProperties.Users users) {
        if (users == null || ConfigChecks.blank(users.hmacKey())) {
            return Optional.empty();
        }
        if (users.hmacKey().length() < MIN_USERS_KEY) {
            checks.problem("users.hmac-key", "must have at least " + MIN_USERS_KEY
                + " characters (test-network.sh generates one per network)");
            return Optional.empty();
        }
        return Optional.of(new Secret(users.hmacKey()));
    }

    /**
     * {@code pointsnet.oauth.*}: the issuer always; embedded mode needs the back-end client's secret, external
     * mode the issuer's JWKS URL.
     */
    private static GatewaySettings.OAuth oauth(final ConfigChecks checks, final GatewayProperties.OAuth oauth) {
        final String modeName = ConfigChecks.blank(oauth.mode()) ? GatewayProperties.OAuth.EMBEDDED
            : oauth.mode().strip();
        final GatewaySettings.OAuth.Mode mode = switch (modeName) {
            case GatewayProperties.OAuth.EMBEDDED -> GatewaySettings.OAuth.Mode.EMBEDDED;
            case GatewayProperties.OAuth.EXTERNAL -> GatewaySettings.OAuth.Mode.EXTERNAL;
            default -> null;
        };
        if (mode == null) {
            checks.problem("oauth.mode", "must be " + GatewayProperties.OAuth.EMBEDDED + " or "
                + GatewayProperties.OAuth.EXTERNAL + " (got '" + modeName + "')");
        }
        final String issuer = ConfigChecks.blank(oauth.issuer()) ? null : oauth.issuer().strip();
        if (issuer == null) {
            checks.problem("oauth.issuer", "the issuer URL tokens carry is missing (e.g. https://127.0.0.1:8081)");
        }
        Secret secret = null;
        if (mode == GatewaySettings.OAuth.Mode.EMBEDDED) {
            secret = checks.secret("oauth.client-secret", oauth.clientSecret(), MIN_CLIENT_SECRET,
                "the back-end client's secret is missing or shorter than " + MIN_CLIENT_SECRET
                    + " characters (test-network.sh generates one per platform into gateway-secrets.env)");
        }
        final String jwkSetUri = ConfigChecks.blank(oauth.jwkSetUri()) ? null : oauth.jwkSetUri().strip();
        if (mode == GatewaySettings.OAuth.Mode.EXTERNAL && jwkSetUri == null) {
            checks.problem("oauth.jwk-set-uri", "the external issuer's JWKS URL is missing "
                + "(pointsnet.oauth.mode=external)");
        }
        final Duration ttl = checks.duration("oauth.access-token-ttl", oauth.accessTokenTtl());
        final Path signingKeyFile = checks.optionalPath("oauth.signing-key-file", oauth.signingKeyFile());
        if (mode == null || issuer == null || ttl == null) {
            return null;
        }
        return new GatewaySettings.OAuth(mode, issuer,
            ConfigChecks.blank(oauth.audience()) ? null : oauth.audience().strip(), Optional.ofNullable(secret), ttl,
            signingKeyFile, oauth.appRedirectUris() == null ? List.of() : oauth.appRedirectUris(), jwkSetUri,
            ConfigChecks.blank(oauth.clientJwkSetUri()) ? null : oauth.clientJwkSetUri().strip());
    }

    private static GatewaySettings.Projection projection(final ConfigChecks checks,
                                                         final GatewayProperties.Projection projection) {
        final GatewayProperties.Projection section = projection != null ? projection
            : new GatewayProperties.Projection(GatewayProperties.Projection.MAX_LAG_BLOCKS,
                GatewayProperties.Projection.CATCH_UP, GatewayProperties.Projection.RECONCILE_INTERVAL,
                GatewayProperties.Projection.RECONCILE_EVERY_BLOCKS, GatewayProperties.Projection.FOLD_INTERVAL,
                GatewayProperties.Projection.FOLD_MIN_DELTAS);
        final Long maxLag = checks.count("projection.max-lag-blocks", section.maxLagBlocks());
        final Duration catchUp = checks.duration("projection.catch-up", section.catchUp());
        final Duration interval = checks.duration("projection.reconcile-interval", section.reconcileInterval());
        final Long everyBlocks = checks.count("projection.reconcile-every-blocks", section.reconcileEveryBlocks());
        final Duration foldInterval = checks.duration("projection.fold-interval", section.foldInterval());
        final Long foldMin = checks.countUpTo("projection.fold-min-deltas", section.foldMinDeltas(),
            Limits.MAX_FOLD_DELTAS);
        return maxLag == null || catchUp == null || interval == null || everyBlocks == null || foldInterval == null
            || foldMin == null ? null
            : new GatewaySettings.Projection(maxLag, catchUp, interval, everyBlocks, foldInterval, foldMin);
    }

    private static GatewaySettings.Quotes quotes(final ConfigChecks checks, final GatewayProperties.Quotes quotes) {
        final GatewayProperties.Quotes section = quotes != null ? quotes
            : new GatewayProperties.Quotes(GatewayProperties.Quotes.TTL, null);
        final Duration ttl = checks.duration("quotes.ttl", section.ttl());
        final Path keyFile = checks.optionalPath("quotes.key-file", section.keyFile());
        return ttl == null ? null : new GatewaySettings.Quotes(ttl, keyFile);
    }
}
