package org.pointsnet.gateway.consent;

import java.time.Clock;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent store on the gateway's database, personal data sealed with the gateway's cipher. */
@Configuration(proxyBeanMethods = false)
public class ConsentConfiguration {

    @Bean
    ConsentStore consentStore(final JdbcClient jdbc, final PersonalDataCipher cipher) {
        return new ConsentStore(jdbc, cipher, Clock.systemUTC());
    }
}
