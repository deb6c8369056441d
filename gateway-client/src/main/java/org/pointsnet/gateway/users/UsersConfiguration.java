package org.pointsnet.gateway.users;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user id generator, shared by the REST API and the login page. */
@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    UserIds userIds(@Value("${pointsnet.users.hmac-key:}") final String key) {
        return new UserIds(key);
    }
}
