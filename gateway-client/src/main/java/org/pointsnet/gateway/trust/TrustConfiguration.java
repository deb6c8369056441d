package org.pointsnet.gateway.trust;

import org.pointsnet.gateway.config.GatewaySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trusted MSPs from {@code pointsnet.trust.*} (read at startup: a bad CA file stops it) and the verifier. */
@Configuration(proxyBeanMethods = false)
public class TrustConfiguration {

    @Bean
    TrustedMsps trustedMsps(final GatewaySettings settings) {
        return TrustedMsps.load(settings.trust());
    }

    @Bean
    EndorsementVerifier endorsementVerifier(final TrustedMsps msps) {
        return new EndorsementVerifier(msps);
    }
}
