package org.pointsnet.gateway.links;

import java.time.Clock;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.trust.TrustedMsps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity links on this gateway's ledger connection, consent store and trust configuration. */
@Configuration(proxyBeanMethods = false)
public class LinksConfiguration {

    @Bean
    IdentityLinks identityLinks(final LedgerClient ledger, final ConsentStore consents, final TrustedMsps msps,
                                final GatewaySettings settings) {
        return new IdentityLinks(ledger, consents, msps, settings.platformId(), Clock.systemUTC());
    }
}
