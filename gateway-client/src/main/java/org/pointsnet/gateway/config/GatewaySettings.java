package org.pointsnet.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/** Validated gateway configuration; every value is present and well-formed. */
public record GatewaySettings(String platformId, Fabric fabric) {

    public GatewaySettings {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(fabric, "fabric");
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
