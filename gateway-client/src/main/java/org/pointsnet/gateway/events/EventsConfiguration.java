package org.pointsnet.gateway.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.client.Network;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;

/**
 * The block listener feeding the {@link BlockHandler} (the projection) and then every {@link EventObserver} bean,
 * started when ready. On PostgreSQL, which several gateways of an org may share, it reads blocks only while it
 * holds the org's listener lease (an advisory lock); on embedded H2 the gateway is alone and always reads.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    /** How often the holder confirms its lease and a standby tries to take it: the bound on a takeover. */
    static final Duration LEASE_CHECK = Duration.ofSeconds(2);

    /** An advisory lock on the org's PostgreSQL, on a connection of its own; embedded H2: always this gateway's. */
    @Bean
    ListenerLease listenerLease(final Environment environment) {
        final String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return ListenerLease.sole();
        }
        final String user = environment.getProperty("spring.datasource.username");
        final String password = environment.getProperty("spring.datasource.password");
        return new AdvisoryLockLease(() -> DriverManager.getConnection(url, user, password));
    }

    @Bean(destroyMethod = "close")
    BlockEventListener blockEventListener(final FabricConnection connection, final BlockHandler handler,
                                          final ObjectProvider<EventObserver> observers, final ObjectMapper json,
                                          final ListenerLease lease, final MeterRegistry meters) {
        final Network network = connection.network();
        final BlockSource source = start -> network.newBlockEventsRequest().startBlock(start).build().getEvents();
        final List<EventObserver> each = observers.orderedStream().toList();
        final EventObserver all = each.isEmpty() ? EventObserver.NONE : event -> each.forEach(o -> o.observe(event));
        final BlockEventListener listener = new BlockEventListener(source, handler, all, json,
            connection.chaincodeName(), new Backoff(BACKOFF_INITIAL, BACKOFF_MAX), lease, LEASE_CHECK);
        Gauge.builder("pointsnet.listener.lease.held", listener, l -> l.holdsLease() ? 1 : 0)
            .description("1 when this gateway's block listener holds the org's listener lease and reads blocks, "
                + "0 while it stands by")
            .register(meters);
        return listener;
    }

    // Started only when the application is ready: no blocks are read by a gateway that then fails to start.
    @Bean
    ApplicationListener<ApplicationReadyEvent> blockEventListenerStarter(final BlockEventListener listener) {
        return event -> listener.start();
    }
}
