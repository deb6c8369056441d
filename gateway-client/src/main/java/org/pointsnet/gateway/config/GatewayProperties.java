package org.pointsnet.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code pointsnet.*} properties as bound, unvalidated: {@link GatewayConfigValidator} turns them into
 * {@link GatewaySettings} so a missing value is reported by property name instead of failing deep inside
 * Fabric or gRPC code. Paths stay strings here so that a bad path is our message, not a conversion error.
 */
@ConfigurationProperties("pointsnet")
public record GatewayProperties(String platformId,
                                @DefaultValue Fabric fabric,
                                @DefaultValue Probe probe,
                                @DefaultValue Trust trust) {

    /** {@code pointsnet.fabric.*}: where the org's peer is and which identity signs. */
    public record Fabric(String mspId,
                         String peerEndpoint,
                         String peerHostOverride,
                         String tlsCaCert,
                         String certPath,
                         String keyPath,
                         String channel,
                         String chaincode) {
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
}
