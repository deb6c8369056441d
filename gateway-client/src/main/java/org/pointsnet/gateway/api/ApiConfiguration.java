package org.pointsnet.gateway.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the REST API: the user id generator. The {@link CallerContext} comes from the security package. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    UserIds userIds(@Value("${pointsnet.users.hmac-key:}") final String key) {
        return new UserIds(key);
    }
}
