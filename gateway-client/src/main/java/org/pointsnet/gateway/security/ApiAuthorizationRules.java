package org.pointsnet.gateway.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place that says which OAuth 2.0 scope each /api/v1 call needs (API.md,
 * "Resources"). Rules match by method and path, so endpoints added later are covered
 * without touching their controllers.
 * {@link ResourceServerConfiguration} maps each rule to {@code hasAuthority("SCOPE_" + scope)}.
 *
 * <p>A request under /api/v1 that matches no rule is refused to every token when a controller would serve it (fail
 * closed; {@link #requiredScope} answers empty); one that no controller serves is answered 404 or 405 once its token
 * is valid ({@link UnmappedApiRequests}). Operations endpoints (/health/**, /metrics, /openapi.json) are never under
 * a rule. The test-only probe ({@code pointsnet.probe.enabled}, off by default) needs {@code platform.admin}.
 */
public final class ApiAuthorizationRules {

    /** One row of the table: method (null = any), path pattern, scope. */
    public record Rule(HttpMethod method, String pattern, String scope) {
    }

    /** First match wins, so more specific rules come first. */
    public static final List<Rule> RULES = List.of(
        new Rule(HttpMethod.PUT, "/api/v1/platforms/*/rules/**", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.PUT, "/api/v1/platforms/*/rewards/*", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.PUT, "/api/v1/platforms/*", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.GET, "/api/v1/platforms/*/categories", ApiScopes.POINTS_READ),
        new Rule(HttpMethod.GET, "/api/v1/platforms/*/value", ApiScopes.POINTS_READ),
        // The web console's reads (ConsoleReadController): the own platform's rules in force, conversions per pair.
        new Rule(HttpMethod.GET, "/api/v1/platforms/*/rules", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.GET, "/api/v1/conversions/stats", ApiScopes.CLEARING),
        new Rule(HttpMethod.GET, "/api/v1/platforms", ApiScopes.POINTS_READ),
        // Reversals are platform admin functions (the operator identity signs them).
        new Rule(HttpMethod.POST, "/api/v1/issuances/*/reversal", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.POST, "/api/v1/burns/*/reversal", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.POST, "/api/v1/conversions/*/reversal", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.POST, "/api/v1/users", ApiScopes.POINTS_ISSUE),
        new Rule(HttpMethod.GET, "/api/v1/users/*/balances", ApiScopes.POINTS_READ),
        new Rule(HttpMethod.GET, "/api/v1/users/*/history", ApiScopes.POINTS_READ),
        new Rule(HttpMethod.GET, "/api/v1/users/*/expiry", ApiScopes.POINTS_READ),
        // The expiry transaction is a platform admin function (the operator identity signs it).
        new Rule(HttpMethod.POST, "/api/v1/platforms/*/expirations", ApiScopes.PLATFORM_ADMIN),
        // A person's data (PersonalDataController): their own with any of their tokens; a user's via the back end.
        new Rule(null, "/api/v1/me/personal-data", ApiScopes.POINTS_READ),
        new Rule(null, "/api/v1/users/*/personal-data", ApiScopes.PLATFORM_ADMIN),
        new Rule(HttpMethod.POST, "/api/v1/issuances", ApiScopes.POINTS_ISSUE),
        new Rule(HttpMethod.POST, "/api/v1/burns", ApiScopes.POINTS_ISSUE),
        new Rule(HttpMethod.POST, "/api/v1/transfers", ApiScopes.POINTS_TRANSFER),
        new Rule(HttpMethod.GET, "/api/v1/quotes", ApiScopes.POINTS_READ),
        new Rule(HttpMethod.POST, "/api/v1/conversions", ApiScopes.POINTS_TRANSFER),
        new Rule(HttpMethod.GET, "/api/v1/rewards", ApiScopes.POINTS_READ),
        new Rule(HttpMethod.POST, "/api/v1/redemptions", ApiScopes.POINTS_REDEEM),
        // Identity links and consents: a person's own token (the controllers refuse back ends, except unlinking).
        new Rule(null, "/api/v1/links/**", ApiScopes.POINTS_READ),
        new Rule(null, "/api/v1/consents/**", ApiScopes.POINTS_READ),
        new Rule(null, "/api/v1/settlements/**", ApiScopes.CLEARING),
        new Rule(null, "/api/v1/reconciliation", ApiScopes.CLEARING),
        // The smoke-test probe writes to the ledger as the org's client identity and lists recent events.
        new Rule(null, "/api/v1/probe/**", ApiScopes.PLATFORM_ADMIN));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final List<PathPattern> PATTERNS =
        RULES.stream().map(rule -> PARSER.parse(rule.pattern())).toList();

    private ApiAuthorizationRules() {
    }

    /** The scope the call needs, or empty when no rule covers it. */
    public static Optional<String> requiredScope(final HttpMethod method, final String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            if ((rule.method() == null || rule.method().equals(method)) && PATTERNS.get(i).matches(container)) {
                return Optional.of(rule.scope());
            }
        }
        return Optional.empty();
    }
}
