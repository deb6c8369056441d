package org.pointsnet.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code pointsnet.*} property as bound, unvalidated: {@link GatewayConfigValidator} turns them into
 * {@link GatewaySettings} so a missing or malformed value is reported by property name, all of them at once, instead
 * of failing deep inside Fabric, gRPC or Spring Security code. Paths, numbers and durations stay strings here so that
 * a bad one is our message, not a conversion error. Bound, no section is null; a section built in code without
 * the binder may be, and then the validator checks only what it does hold (see {@link GatewayConfigValidator}).
 */
@ConfigurationProperties("pointsnet")
public record GatewayProperties(String platformId,
                                @DefaultValue Fabric fabric,
                                @DefaultValue Probe probe,
                                @DefaultValue Trust trust,
                                @DefaultValue Users users,
                                @DefaultValue OAuth oauth,
                                @DefaultValue Projection projection,
                                @DefaultValue Quotes quotes) {

    /**
     * {@code pointsnet.fabric.*}: where the org's peer is and which identity signs; optionally the org's admin
     * identity for platform admin functions: the org's operator (Operator@, a client certificate with the
     * chaincode's operator role pointsnet.role=operator), never the org's channel admin; optionally the org's other
     * peers ({@code fallback-peers}), used in order while the peer before them is unreachable.
     */
    public record Fabric(String mspId,
                         String peerEndpoint,
                         String peerHostOverride,
                         String tlsCaCert,
                         String certPath,
                         String keyPath,
                         String channel,
                         String chaincode,
                         String adminCertPath,
                         String adminKeyPath,
                         List<FallbackPeer> fallbackPeers) {
    }

    /**
     * {@code pointsnet.fabric.fallback-peers[i].*}: another peer of the same org, {@code host:port}, and the name its
     * TLS certificate is checked against (default: the host).
     */
    public record FallbackPeer(String endpoint, String hostOverride) {
    }

    /** {@code pointsnet.probe.*}: smoke-test endpoints, off unless asked for. */
    public record Probe(@DefaultValue("false") boolean enabled) {
    }

    /**
     * {@code pointsnet.trust.*}: whose endorsement the event projection requires for which platform's postings
     * (rendered by {@code admin-cli network render} from the network spec).
     */
    public record Trust(List<TrustedPlatform> platforms) {
    }

    /**
     * {@code pointsnet.trust.platforms[i].*}: a platform id, the MSP that owns it, and a PEM file with that MSP's
     * root CA certificates (the org's {@code msp/cacerts}).
     */
    public record TrustedPlatform(String platformId, String mspId, String caCertPath) {
    }

    /** {@code pointsnet.users.*}: the key of the user id HMAC; without it no user ids are issued. */
    public record Users(String hmacKey) {

        @Override
        public String toString() {
            return "Users[hmacKey=" + Secret.mask(hmacKey) + "]";
        }
    }

    /**
     * {@code pointsnet.oauth.*}: who issues the tokens this gateway accepts.
     *
     * @param mode             {@value #EMBEDDED} (default): this gateway is the authorization server of its
     *                         platform; {@value #EXTERNAL}: it only validates tokens of the issuer at {@code jwkSetUri}
     * @param issuer           the issuer URL tokens carry ({@code iss}) and are checked against
     * @param audience         the {@code aud} tokens must name; defaults to the issuer (this gateway's API)
     * @param clientSecret     secret of the platform's back-end client {@code <platformId>-backend} (embedded)
     * @param accessTokenTtl   lifetime of access tokens (embedded)
     * @param signingKeyFile   the EC P-256 token signing key (a private JWK), created 0600 when missing (embedded)
     * @param appRedirectUris  redirect URIs of the end-user app client {@code <platformId>-app} (embedded)
     * @param jwkSetUri        JWKS of the external issuer (external)
     * @param clientJwkSetUri  JWKS of the back end's own keys: enables private_key_jwt client authentication
     *                         (RFC 7523) for {@code <platformId>-backend} next to the secret (embedded)
     */
    public record OAuth(@DefaultValue(EMBEDDED) String mode,
                        String issuer,
                        String audience,
                        String clientSecret,
                        @DefaultValue("5m") String accessTokenTtl,
                        String signingKeyFile,
                        @DefaultValue("https://127.0.0.1/callback") List<String> appRedirectUris,
                        String jwkSetUri,
                        String clientJwkSetUri) {

        /** The mode in which this gateway is its platform's authorization server. */
        public static final String EMBEDDED = "embedded";
        /** The mode in which another issuer's tokens are accepted. */
        public static final String EXTERNAL = "external";

        @Override
        public String toString() {
            return "OAuth[mode=" + mode + ", issuer=" + issuer + ", audience=" + audience + ", clientSecret="
                + Secret.mask(clientSecret) + ", accessTokenTtl=" + accessTokenTtl + ", signingKeyFile="
                + signingKeyFile + ", appRedirectUris=" + appRedirectUris + ", jwkSetUri=" + jwkSetUri
                + ", clientJwkSetUri=" + clientJwkSetUri + "]";
        }
    }

    /**
     * {@code pointsnet.projection.*}.
     *
     * @param maxLagBlocks blocks behind the peer beyond which the gateway is not ready: a few seconds of blocks
     *                     under load (the orderer cuts a block at most every 2 s, or sooner when full); more means the
     *                     listener is stuck or far behind, and the projection's answers are stale
     * @param catchUp      how long {@code GET /reconciliation} waits for the projection to reach the peer's height
     * @param reconcileInterval    the gateway reconciles by itself at least this often (a positive duration)
     * @param reconcileEveryBlocks ... and as soon as the projection stored this many blocks since the last run
     *                             (0: on the interval only)
     * @param foldInterval how often the gateway (its org's listener-lease holder) looks for unfolded supply deltas
     *                     of its platform (docs/ledger.md, "Supply deltas and folding")
     * @param foldMinDeltas it folds them once there are at least this many (1..200; 0: never)
     */
    public record Projection(@DefaultValue(MAX_LAG_BLOCKS) String maxLagBlocks,
                             @DefaultValue(CATCH_UP) String catchUp,
                             @DefaultValue(RECONCILE_INTERVAL) String reconcileInterval,
                             @DefaultValue(RECONCILE_EVERY_BLOCKS) String reconcileEveryBlocks,
                             @DefaultValue(FOLD_INTERVAL) String foldInterval,
                             @DefaultValue(FOLD_MIN_DELTAS) String foldMinDeltas) {

        /** Default of {@code max-lag-blocks}. */
        public static final String MAX_LAG_BLOCKS = "20";
        /** Default of {@code catch-up}. */
        public static final String CATCH_UP = "10s";
        /** Default of {@code reconcile-interval}. */
        public static final String RECONCILE_INTERVAL = "30s";
        /** Default of {@code reconcile-every-blocks}. */
        public static final String RECONCILE_EVERY_BLOCKS = "100";
        /** Default of {@code fold-interval}. */
        public static final String FOLD_INTERVAL = "10s";
        /** Default of {@code fold-min-deltas}. */
        public static final String FOLD_MIN_DELTAS = "100";
    }

    /**
     * {@code pointsnet.quotes.*}: locked quotes (docs/ledger.md, "Locked quotes").
     *
     * @param ttl     how long a quote id from GET /quotes holds (default 60s)
     * @param keyFile the key quote ids are MACed with, created 0600 when missing; unset: a key in memory only
     */
    public record Quotes(@DefaultValue(TTL) String ttl, String keyFile) {

        /** Default of {@code ttl}. */
        public static final String TTL = "60s";
    }
}
