package org.pointsnet.gateway.fabric;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Platform ids by owning MSP from {@code pointsnet.trust.platforms}; liveness probed through this org's peer. */
    @Bean
    PlatformAvailability platformAvailability(final GatewaySettings settings, final FabricConnection connection) {
        final Map<String, List<String>> platformsByMsp = new LinkedHashMap<>();
        settings.trust().forEach(p -> platformsByMsp.computeIfAbsent(p.mspId(), m -> new ArrayList<>())
            .add(p.platformId()));
        return new PlatformAvailability(platformsByMsp, connection.probe(List.copyOf(platformsByMsp.keySet())),
            Clock.systemUTC());
    }

    @Bean
    LedgerHealth ledgerHealth(final FabricConnection connection) {
        return new FabricLedgerHealth(connection);
    }
}
