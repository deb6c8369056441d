package org.pointsnet.gateway.events;

import java.time.Duration;
import org.hyperledger.fabric.client.Network;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * The block listener feeding the {@link BlockHandler} (the projection) and then every {@link EventObserver} bean,
 * started when ready.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    BlockEventListener blockEventListener(final FabricConnection connection, final BlockHandler handler,
                                          final ObjectProvider<EventObserver> observers, final ObjectMapper json) {
        final Network network = connection.network();
        final BlockSource source = start -> network.newBlockEventsRequest().startBlock(start).build().getEvents();
        final EventObserver all = event -> observers.orderedStream().forEach(observer -> observer.observe(event));
        return new BlockEventListener(source, handler, all, json, connection.chaincodeName(),
            new Backoff(BACKOFF_INITIAL, BACKOFF_MAX));
    }

    // Started only when the application is ready: no blocks are read by a gateway that then fails to start.
    @Bean
    ApplicationListener<ApplicationReadyEvent> blockEventListenerStarter(final BlockEventListener listener) {
        return event -> listener.start();
    }
}
