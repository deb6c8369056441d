package org.pointsnet.gateway.ledger;

import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger client. Optional {@code pointsnet.fabric.admin-cert-path} and {@code pointsnet.fabric.admin-key-path}
 * (the org's operator identity, Operator@, whose certificate carries the chaincode's operator role) open a second
 * connection for platform admin functions; without them those functions answer 503.
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
    AdminConnection adminFabricConnection(final GatewaySettings settings) {
        return new AdminConnection(settings.admin()
            .map(identity -> FabricConnection.open(settings.fabric().signingAs(identity)))
            .orElse(null));
    }

    @Bean
    LedgerClient ledgerClient(final FabricConnection connection, final AdminConnection admin) {
        return new FabricLedgerClient(calls(connection), admin.connection == null ? null : calls(admin.connection));
    }

    private static FabricContractCalls calls(final FabricConnection connection) {
        return new FabricContractCalls(connection.contract(), connection.qscc());
    }
}
