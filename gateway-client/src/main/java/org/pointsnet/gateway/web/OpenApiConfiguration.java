package org.pointsnet.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of {@code /openapi.json}: what the API is, and that every call needs an OAuth 2.0 bearer token. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String SCHEME = "oauth2";

    @Bean
    OpenAPI pointsNetOpenApi() {
        final Scopes scopes = new Scopes()
            .addString("points.read", "read platforms, balances, history, quotes, rewards")
            .addString("points.issue", "register users, issue and burn the caller platform's points")
            .addString("points.transfer", "transfers and conversions")
            .addString("points.redeem", "redeem rewards")
            .addString("platform.admin", "the caller platform's registration, rules and catalog")
            .addString("clearing", "settlements and reconciliation");
        return new OpenAPI()
            .info(new Info().title("PointsNet gateway API").version("v1")
                .description("A platform's gateway to the shared points ledger (shared/API.md). Errors are "
                    + "application/problem+json with a code; every POST takes an Idempotency-Key."))
            .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Tokens from this gateway's authorization server (or the configured external issuer).")
                .flows(new OAuthFlows()
                    .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes))
                    .authorizationCode(new OAuthFlow().authorizationUrl("/oauth2/authorize")
                        .tokenUrl("/oauth2/token").scopes(scopes)))))
            .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
