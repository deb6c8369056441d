package org.pointsnet.gateway.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The event ring, the file checkpointer and the listener, started once the application is ready. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    @Bean
    EventRing eventRing() {
        return new EventRing();
    }

    /** Opened at startup so an unusable checkpoint file stops the gateway with a message naming the property. */
    @Bean(destroyMethod = "close")
    FileCheckpointer eventCheckpointer(final GatewaySettings settings) {
        final Path file = settings.checkpointFile();
        try {
            Files.createDirectories(file.getParent());
            return new FileCheckpointer(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException("pointsnet.events.checkpoint-file",
                "checkpoint file " + file + " cannot be opened or is not a checkpoint (" + e.getMessage() + ")");
        }
    }

    @Bean(destroyMethod = "close")
    ChaincodeEventListener chaincodeEventListener(final FabricConnection connection,
                                                  final GatewaySettings settings,
                                                  final FileCheckpointer checkpointer,
                                                  final EventRing ring,
                                                  final ObjectMapper json) {
        final Network network = connection.network();
        final String chaincode = connection.chaincodeName();
        final ChaincodeEventSource source = checkpoint ->
            network.newChaincodeEventsRequest(chaincode).checkpoint(checkpoint).build().getEvents();
        return new ChaincodeEventListener(source, checkpointer, ring, json,
            new Backoff(BACKOFF_INITIAL, BACKOFF_MAX),
            "chaincode '" + chaincode + "' on channel '" + settings.fabric().channel() + "'");
    }

    // Started only when the application is ready: no events are read by a gateway that then fails to start.
    @Bean
    ApplicationListener<ApplicationReadyEvent> chaincodeEventListenerStarter(final ChaincodeEventListener listener) {
        return event -> listener.start();
    }
}
