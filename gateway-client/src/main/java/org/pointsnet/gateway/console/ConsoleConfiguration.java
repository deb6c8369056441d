package org.pointsnet.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web console: {@code /console/operator} (the member dashboard), {@code /console/me} (a person's points
 * page) and their static files. The pages hold no data: their scripts sign in through the gateway's own OAuth server
 * (authorization code + PKCE) and read and write everything through {@code /api/v1} with the signed-in token.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /**
     * Only this origin's scripts, styles, images and API: no CDN, no inline script or style, no framing, forms only
     * to this origin. {@code data:} images are the SVG chart's none; kept out.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
        + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String LOCATION = "classpath:/static/console/";

    /** Before the API's and the default chain: the console's files need no token, and get the CSP header. */
    @Bean
    @Order(0)
    SecurityFilterChain consoleFilterChain(final HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            // Static GETs only; the pages call the API with bearer tokens, never cookies.
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Override
    public void addResourceHandlers(final ResourceHandlerRegistry registry) {
        // spring.web.resources.add-mappings=false: only the console's own folder is served, nothing else.
        registry.addResourceHandler("/console/**").addResourceLocations(LOCATION);
    }

    @Override
    public void addViewControllers(final ViewControllerRegistry registry) {
        // The OAuth redirect URIs (AuthorizationServerConfiguration) are these paths without ".html".
        registry.addViewController("/console").setViewName("redirect:/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
        registry.addViewController("/console/operator").setViewName("forward:/console/operator.html");
        registry.addViewController("/console/me").setViewName("forward:/console/me.html");
    }
}
