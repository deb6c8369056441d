package org.pointsnet.gateway.signatures;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pointsnet.signatures.*}: which OAuth clients must sign their requests, and with which key.
 *
 * @param clients the clients that must sign (none by default)
 * @param maxSkew how far a signature's {@code created} may be from the gateway's clock (default 300 s)
 */
@ConfigurationProperties("pointsnet.signatures")
public record SignatureProperties(List<Client> clients, @DefaultValue("300s") Duration maxSkew) {

    public SignatureProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * {@code pointsnet.signatures.clients[i].*}: one client that must sign.
     *
     * @param clientId      the OAuth client id (e.g. {@code platform-a-backend})
     * @param keyId         the {@code keyid} its signatures name
     * @param publicKeyFile PEM public key (Ed25519 or EC P-256); read again when the file changes, so a key is
     *                      replaced without a restart; while it is missing every request of the client is refused
     * @param clientSecret  only for a client id other than the gateway's own two: registers it as an additional
     *                      back-end client (client credentials, the back end's scopes) with this secret
     */
    public record Client(String clientId, String keyId, String publicKeyFile, String clientSecret) {
        @Override
        public String toString() {
            // Never the secret.
            return "Client[" + clientId + ", keyId=" + keyId + ", publicKeyFile=" + publicKeyFile + "]";
        }
    }
}
