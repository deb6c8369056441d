package org.pointsnet.gateway.users;

import java.time.Clock;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.Secret;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The user id generator and the platform's user accounts, shared by the REST API and the login page. */
@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    UserIds userIds(final GatewaySettings settings) {
        return new UserIds(settings.usersHmacKey().map(Secret::value).orElse(null));
    }

    @Bean
    PlatformUsers platformUsers(final JdbcClient jdbc, final TransactionTemplate transactions,
                                final PersonalDataCipher cipher, final UserIds userIds,
                                final ConsentStore consentRecords) {
        return new PlatformUsers(jdbc, transactions, cipher, userIds, consentRecords, Clock.systemUTC());
    }
}
