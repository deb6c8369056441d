package org.pointsnet.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Publishes the validated settings; every Fabric bean depends on them, so bad config (including plain HTTP on a
 * non-loopback address) stops startup first.
 */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    GatewaySettings gatewaySettings(final GatewayProperties properties, final Environment environment) {
        return GatewayConfigValidator.validate(properties, Listener.of(environment));
    }
}
