package org.pointsnet.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may call what. {@code /api/v1/**} is an OAuth 2.0 resource server: a valid bearer JWT and the scope of
 * {@link ApiAuthorizationRules}, 401/403 as problem+json. Everything else (health, metrics, OpenAPI document, the
 * login page of the embedded authorization server) needs no token.
 */
@Configuration(proxyBeanMethods = false)
public class ResourceServerConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiFilterChain(final HttpSecurity http, final UnmappedApiRequests unmapped) throws Exception {
        final ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint();
        final ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> {
                for (final ApiAuthorizationRules.Rule rule : ApiAuthorizationRules.RULES) {
                    final String authority = "SCOPE_" + rule.scope();
                    if (rule.method() == null) {
                        requests.requestMatchers(rule.pattern()).hasAuthority(authority);
                    } else {
                        requests.requestMatchers(rule.method(), rule.pattern()).hasAuthority(authority);
                    }
                }
                // Fail closed: an endpoint added without a rule is refused until it gets one. A request no endpoint
                // serves passes to Spring MVC (404, 405) once authenticated: without a token, everything is 401.
                requests.anyRequest().access(unmapped);
            })
            .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(denied))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(denied))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            // Bearer tokens, no cookies: nothing for a cross-site request to ride on.
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Operations endpoints and, with the embedded authorization server, its login page. */
    @Bean
    @Order(3)
    SecurityFilterChain defaultFilterChain(final HttpSecurity http,
                                           final ObjectProvider<PlatformUserDirectory> users) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        if (users.getIfAvailable() != null) {
            http.formLogin(Customizer.withDefaults());
        }
        return http.build();
    }

    @Bean
    UnmappedApiRequests unmappedApiRequests(
        @Qualifier("requestMappingHandlerMapping") final ObjectProvider<HandlerMapping> controllers) {
        return new UnmappedApiRequests(controllers);
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean
    CallerContext tokenCallerContext() {
        return new TokenCallerContext();
    }
}
