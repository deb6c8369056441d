package org.pointsnet.gateway.rekey;

import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs {@link StaleKeyReseal} once the gateway has started. */
@Configuration(proxyBeanMethods = false)
public class RekeyConfiguration {

    @Bean
    ApplicationRunner staleKeyReseal(final JdbcClient jdbc, final PersonalDataCipher cipher) {
        return arguments -> new StaleKeyReseal(jdbc, cipher).run();
    }
}
