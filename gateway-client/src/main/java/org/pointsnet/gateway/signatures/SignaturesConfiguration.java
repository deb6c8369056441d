package org.pointsnet.gateway.signatures;

import java.time.Clock;
import org.pointsnet.gateway.security.AdditionalBackends;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed requests: the clients that must sign, the nonce store, and the filter that checks them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignatureProperties.class)
public class SignaturesConfiguration {

    @Bean
    ClientKeys clientKeys(final SignatureProperties properties) {
        return new ClientKeys(properties);
    }

    /** The signing clients configured with a secret become back-end clients of the authorization server. */
    @Bean
    AdditionalBackends signingBackends(final SignatureProperties properties) {
        return () -> properties.clients().stream()
            .filter(client -> client.clientSecret() != null && !client.clientSecret().isBlank())
            .map(client -> new AdditionalBackends.Backend(client.clientId(), client.clientSecret()))
            .toList();
    }

    @Bean
    NonceStore nonceStore(final JdbcClient jdbc, final SignatureProperties properties) {
        return new NonceStore(jdbc, properties.maxSkew(), Clock.systemUTC());
    }

    /** After Spring Security's filter chain (the token names the client), before Spring MVC. */
    @Bean
    FilterRegistrationBean<SignedRequestFilter> signedRequestFilter(final ClientKeys keys, final NonceStore nonces,
                                                                    final SignatureProperties properties) {
        final FilterRegistrationBean<SignedRequestFilter> registration = new FilterRegistrationBean<>(
            new SignedRequestFilter(keys, new SignatureVerifier(properties.maxSkew()), nonces, Clock.systemUTC()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
