package org.pointsnet.gateway.probe;

import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The probe's beans, only with {@code pointsnet.probe.enabled=true}: its ledger and the ring of recent events. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pointsnet.probe.enabled")
public class ProbeConfiguration {

    @Bean
    ValueLedger valueLedger(final FabricConnection connection, final ObjectMapper json) {
        return new FabricValueLedger(connection.contract(), json);
    }

    /** Fed by the block listener like any {@link org.pointsnet.gateway.events.EventObserver}. */
    @Bean
    EventRing eventRing() {
        return new EventRing();
    }
}
