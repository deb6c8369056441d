package org.pointsnet.gateway.config;

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
                                @DefaultValue Probe probe) {

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
}
