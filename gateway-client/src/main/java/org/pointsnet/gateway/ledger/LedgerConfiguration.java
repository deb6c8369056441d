package org.pointsnet.gateway.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger client. Optional {@code pointsnet.fabric.admin-cert-path} and {@code pointsnet.fabric.admin-key-path}
 * (the org's Admin@ identity, OU=admin) open a second connection for platform admin functions; without them
 * those functions answer 503.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /** Holder so the admin connection (possibly absent) is closed with the context. */
    static final class AdminConnection implements AutoCloseable {
        final FabricConnection connection;

        AdminConnection(final FabricConnection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    AdminConnection adminFabricConnection(final GatewaySettings settings,
                                          @Value("${pointsnet.fabric.admin-cert-path:}") final String certPath,
                                          @Value("${pointsnet.fabric.admin-key-path:}") final String keyPath) {
        if (certPath.isBlank() && keyPath.isBlank()) {
            return new AdminConnection(null);
        }
        if (certPath.isBlank() || keyPath.isBlank()) {
            throw new InvalidConfigurationException(certPath.isBlank() ? "pointsnet.fabric.admin-cert-path"
                : "pointsnet.fabric.admin-key-path", "set both admin-cert-path and admin-key-path, or neither");
        }
        requireReadable("pointsnet.fabric.admin-cert-path", certPath);
        requireReadable("pointsnet.fabric.admin-key-path", keyPath);
        final GatewaySettings.Fabric f = settings.fabric();
        return new AdminConnection(FabricConnection.open(new GatewaySettings.Fabric(f.mspId(), f.peerHost(),
            f.peerPort(), f.tlsAuthority(), f.tlsCaCert(), Path.of(certPath), Path.of(keyPath), f.channel(),
            f.chaincode())));
    }

    private static void requireReadable(final String property, final String path) {
        if (!Files.isReadable(Path.of(path))) {
            throw new InvalidConfigurationException(property, "file " + path + " cannot be read");
        }
    }

    @Bean
    LedgerClient ledgerClient(final FabricConnection connection, final AdminConnection admin) {
        return new FabricLedgerClient(calls(connection), admin.connection == null ? null : calls(admin.connection));
    }

    private static FabricContractCalls calls(final FabricConnection connection) {
        return new FabricContractCalls(connection.contract(), connection.qscc());
    }
}
