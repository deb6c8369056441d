package org.pointsnet.gateway.fabric;

import org.pointsnet.gateway.config.GatewaySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Fabric beans: one connection per gateway process, shared by contract calls, readiness and events. */
@Configuration(proxyBeanMethods = false)
public class FabricConfiguration {

    @Bean(destroyMethod = "close")
    FabricConnection fabricConnection(final GatewaySettings settings) {
        return FabricConnection.open(settings.fabric());
    }

    @Bean
    ValueLedger valueLedger(final FabricConnection connection, final ObjectMapper json) {
        return new FabricValueLedger(connection.contract(), json);
    }

    @Bean
    LedgerHealth ledgerHealth(final FabricConnection connection) {
        return new FabricLedgerHealth(connection);
    }
}
