package org.pointsnet.gateway.api;

import org.pointsnet.gateway.config.GatewaySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the REST API: the default {@link CallerContext} and the user id generator. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    /** Replaced by the security module's token-based context; see {@link CallerContext}. */
    @Bean
    @ConditionalOnMissingBean(CallerContext.class)
    CallerContext configuredCallerContext(final GatewaySettings settings) {
        return new ConfiguredCallerContext(settings.platformId());
    }

    @Bean
    UserIds userIds(@Value("${pointsnet.users.hmac-key:}") final String key) {
        return new UserIds(key);
    }
}
