package org.pointsnet.gateway.security;

import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@code pointsnet.oauth.mode=external}: no embedded authorization server; tokens come from another issuer whose
 * keys are at {@code pointsnet.oauth.jwk-set-uri}. The same checks apply (issuer, audience, expiry, platform).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pointsnet.oauth.mode", havingValue = OAuthProperties.EXTERNAL)
public class ExternalIssuerConfiguration {

    @Bean
    JwtDecoder jwtDecoder(final OAuthProperties oauth, final GatewaySettings settings) {
        if (oauth.jwkSetUri() == null || oauth.jwkSetUri().isBlank()) {
            throw new InvalidConfigurationException("pointsnet.oauth.jwk-set-uri",
                "the external issuer's JWKS URL is missing (pointsnet.oauth.mode=external)");
        }
        return AccessTokenDecoders.external(oauth.jwkSetUri(), AccessTokenDecoders.validators(
            AuthorizationServerConfiguration.requireIssuer(oauth), oauth.expectedAudience(), settings.platformId()));
    }
}
