package org.pointsnet.gateway.fabric;

import org.pointsnet.gateway.config.GatewaySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fabric beans: one connection per gateway process, shared by contract calls, readiness and events. */
@Configuration(proxyBeanMethods = false)
public class FabricConfiguration {

    @Bean(destroyMethod = "close")
    FabricConnection fabricConnection(final GatewaySettings settings) {
        return FabricConnection.open(settings.fabric());
    }

    @Bean
    LedgerHealth ledgerHealth(final FabricConnection connection) {
        return new FabricLedgerHealth(connection);
    }
}
