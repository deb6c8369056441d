package org.pointsnet.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated gateway configuration; every value is present and well-formed.
 *
 * @param trust        every platform the event projection accepts postings of, in configuration order (never
 *                     empty; includes this gateway's own platform)
 * @param admin        the org's admin identity for platform admin functions, when configured
 * @param usersHmacKey the key of the user id HMAC, when configured
 * @param oauth        who issues the tokens this gateway accepts; empty only for settings validated from properties
 *                     built without the binder (tests of other sections)
 * @param quotes       how long quote ids hold and where their key is
 */
public record GatewaySettings(String platformId, Fabric fabric, List<TrustedPlatform> trust,
                              Optional<AdminIdentity> admin, Optional<Secret> usersHmacKey, Optional<OAuth> oauth,
                              Projection projection, Quotes quotes) {

    public GatewaySettings {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(fabric, "fabric");
        trust = List.copyOf(trust);
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(usersHmacKey, "usersHmacKey");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(quotes, "quotes");
    }

    /** Settings with the default quotes: 60 s, key in memory. */
    public GatewaySettings(final String platformId, final Fabric fabric, final List<TrustedPlatform> trust,
                           final Optional<AdminIdentity> admin, final Optional<Secret> usersHmacKey,
                           final Optional<OAuth> oauth, final Projection projection) {
        this(platformId, fabric, trust, admin, usersHmacKey, oauth, projection,
            new Quotes(Duration.ofSeconds(60), null));
    }

    /** The OAuth settings; a gateway whose properties were not bound has none, and cannot serve tokens. */
    public OAuth requireOAuth() {
        return oauth.orElseThrow(() -> new InvalidConfigurationException("pointsnet.oauth", "is not configured"));
    }

    /**
     * A platform id, the MSP whose peers must endorse its postings, and that MSP's root CA certificates (PEM).
     *
     * @param property the configuration key of {@code caCert}, so a bad file is reported by the key to fix
     */
    public record TrustedPlatform(String platformId, String mspId, Path caCert, String property) {

        public TrustedPlatform {
            Objects.requireNonNull(platformId, "platformId");
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(caCert, "caCert");
            Objects.requireNonNull(property, "property");
        }
    }

    /**
     * Connection to the org's peer and the identity transactions are signed with.
     *
     * @param peerHost         host of {@code pointsnet.fabric.peer-endpoint}
     * @param tlsAuthority     name the peer's TLS certificate is checked against (the host override, or the host)
     * @param fallbackPeers    the org's other peers, in the order they are tried while the ones before are down
     */
    public record Fabric(String mspId,
                         String peerHost,
                         int peerPort,
                         String tlsAuthority,
                         Path tlsCaCert,
                         Path certPath,
                         Path keyPath,
                         String channel,
                         String chaincode,
                         List<PeerAddress> fallbackPeers) {

        public Fabric {
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(peerHost, "peerHost");
            Objects.requireNonNull(tlsAuthority, "tlsAuthority");
            Objects.requireNonNull(tlsCaCert, "tlsCaCert");
            Objects.requireNonNull(certPath, "certPath");
            Objects.requireNonNull(keyPath, "keyPath");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(chaincode, "chaincode");
            fallbackPeers = List.copyOf(fallbackPeers);
        }

        /** An org with one peer. */
        public Fabric(final String mspId, final String peerHost, final int peerPort, final String tlsAuthority,
                      final Path tlsCaCert, final Path certPath, final Path keyPath, final String channel,
                      final String chaincode) {
            this(mspId, peerHost, peerPort, tlsAuthority, tlsCaCert, certPath, keyPath, channel, chaincode,
                List.of());
        }

        /** gRPC target, {@code host:port} (IPv6 hosts in brackets). */
        public String peerTarget() {
            return primaryPeer().target();
        }

        /** The peer tried first. */
        public PeerAddress primaryPeer() {
            return new PeerAddress(peerHost, peerPort, tlsAuthority);
        }

        /** Every peer of the org the gateway may use, the primary first. */
        public List<PeerAddress> peers() {
            final List<PeerAddress> peers = new ArrayList<>(List.of(primaryPeer()));
            peers.addAll(fallbackPeers);
            return List.copyOf(peers);
        }

        /** The same peers, signing as {@code identity} instead. */
        public Fabric signingAs(final AdminIdentity identity) {
            return new Fabric(mspId, peerHost, peerPort, tlsAuthority, tlsCaCert, identity.certPath(),
                identity.keyPath(), channel, chaincode, fallbackPeers);
        }
    }

    /** One peer of the org: where it listens and the name its TLS certificate must carry. */
    public record PeerAddress(String host, int port, String tlsAuthority) {

        public PeerAddress {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tlsAuthority, "tlsAuthority");
        }

        /** {@code host:port} (IPv6 hosts in brackets). */
        public String target() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** The org's operator identity (Operator@, operator role): certificate and key files, both readable. */
    public record AdminIdentity(Path certPath, Path keyPath) {

        public AdminIdentity {
            Objects.requireNonNull(certPath, "certPath");
            Objects.requireNonNull(keyPath, "keyPath");
        }
    }

    /**
     * Who issues the tokens this gateway accepts ({@link GatewayProperties.OAuth} explains each).
     *
     * @param clientSecret     present in embedded mode
     * @param signingKeyFile   null: the signing key lives in memory only
     * @param jwkSetUri        present in external mode
     * @param clientJwkSetUri  null: the back end authenticates with its secret only
     */
    public record OAuth(Mode mode, String issuer, String audience, Optional<Secret> clientSecret,
                        Duration accessTokenTtl, Path signingKeyFile, List<String> appRedirectUris, String jwkSetUri,
                        String clientJwkSetUri) {

        /** Embedded authorization server, or tokens of an external issuer. */
        public enum Mode {
            EMBEDDED,
            EXTERNAL
        }

        public OAuth {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
            appRedirectUris = List.copyOf(appRedirectUris);
        }

        /** The audience tokens must carry: the configured one, else the issuer. */
        public String expectedAudience() {
            return audience == null ? issuer : audience;
        }
    }

    /**
     * The event projection's limits ({@link GatewayProperties.Projection} explains each).
     *
     * @param maxLagBlocks         at least 0
     * @param catchUp              positive
     * @param reconcileInterval    positive
     * @param reconcileEveryBlocks at least 0 (0: on the interval only)
     * @param foldInterval         positive
     * @param foldMinDeltas        0..{@link org.pointsnet.contract.Limits#MAX_FOLD_DELTAS} (0: never fold)
     */
    public record Projection(long maxLagBlocks, Duration catchUp, Duration reconcileInterval,
                             long reconcileEveryBlocks, Duration foldInterval, long foldMinDeltas) {

        public Projection {
            Objects.requireNonNull(catchUp, "catchUp");
            Objects.requireNonNull(reconcileInterval, "reconcileInterval");
            Objects.requireNonNull(foldInterval, "foldInterval");
        }

        /** The given lag and catch-up with the default schedules (reconcile 30 s, 100 blocks; fold 10 s, 100). */
        public Projection(final long maxLagBlocks, final Duration catchUp) {
            this(maxLagBlocks, catchUp, Duration.ofSeconds(30), 100, Duration.ofSeconds(10), 100);
        }
    }

    /**
     * Locked quotes ({@link GatewayProperties.Quotes} explains each).
     *
     * @param ttl     positive
     * @param keyFile null: the key lives in memory only
     */
    public record Quotes(Duration ttl, Path keyFile) {

        public Quotes {
            Objects.requireNonNull(ttl, "ttl");
        }
    }
}
