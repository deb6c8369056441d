package org.pointsnet.gateway.security;

import org.pointsnet.gateway.config.GatewayProperties;
import org.pointsnet.gateway.config.GatewaySettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@code pointsnet.oauth.mode=external}: no embedded authorization server; tokens come from another issuer whose
 * keys are at {@code pointsnet.oauth.jwk-set-uri}. The same checks apply (issuer, audience, expiry, platform).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pointsnet.oauth.mode", havingValue = GatewayProperties.OAuth.EXTERNAL)
public class ExternalIssuerConfiguration {

    @Bean
    JwtDecoder jwtDecoder(final GatewaySettings settings) {
        // The JWKS URL is present in external mode: the validator refuses to start without it.
        final GatewaySettings.OAuth oauth = settings.requireOAuth();
        return AccessTokenDecoders.external(oauth.jwkSetUri(), AccessTokenDecoders.validators(
            oauth.issuer(), oauth.expectedAudience(), settings.platformId()));
    }
}
