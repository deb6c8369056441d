package org.pointsnet.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the validated settings; every Fabric bean depends on them, so bad config stops startup first. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    GatewaySettings gatewaySettings(final GatewayProperties properties) {
        return GatewayConfigValidator.validate(properties);
    }
}
