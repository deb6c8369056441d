package org.pointsnet.gateway.users;

import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.Secret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user id generator, shared by the REST API and the login page. */
@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    UserIds userIds(final GatewaySettings settings) {
        return new UserIds(settings.usersHmacKey().map(Secret::value).orElse(null));
    }
}
