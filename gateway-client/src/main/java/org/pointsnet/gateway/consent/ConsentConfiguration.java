package org.pointsnet.gateway.consent;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent store on the gateway's database. */
@Configuration(proxyBeanMethods = false)
public class ConsentConfiguration {

    @Bean
    ConsentStore consentStore(final JdbcClient jdbc) {
        return new ConsentStore(jdbc, Clock.systemUTC());
    }
}
