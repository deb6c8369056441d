package org.pointsnet.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Validated gateway configuration; every value is present and well-formed.
 *
 * @param trust every platform the event projection accepts postings of, in configuration order (never empty;
 *              includes this gateway's own platform)
 */
public record GatewaySettings(String platformId, Fabric fabric, List<TrustedPlatform> trust) {

    public GatewaySettings {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(fabric, "fabric");
        trust = List.copyOf(trust);
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
     */
    public record Fabric(String mspId,
                         String peerHost,
                         int peerPort,
                         String tlsAuthority,
                         Path tlsCaCert,
                         Path certPath,
                         Path keyPath,
                         String channel,
                         String chaincode) {

        public Fabric {
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(peerHost, "peerHost");
            Objects.requireNonNull(tlsAuthority, "tlsAuthority");
            Objects.requireNonNull(tlsCaCert, "tlsCaCert");
            Objects.requireNonNull(certPath, "certPath");
            Objects.requireNonNull(keyPath, "keyPath");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(chaincode, "chaincode");
        }

        /** gRPC target, {@code host:port} (IPv6 hosts in brackets). */
        public String peerTarget() {
            final String host = peerHost.contains(":") ? "[" + peerHost + "]" : peerHost;
            return host + ":" + peerPort;
        }
    }
}
