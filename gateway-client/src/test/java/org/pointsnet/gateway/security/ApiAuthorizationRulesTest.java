package org.pointsnet.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ApiAuthorizationRulesTest {

    private static Optional<String> scope(HttpMethod method, String path) {
        return ApiAuthorizationRules.requiredScope(method, path);
    }

    @Test
    void readsNeedPointsRead() {
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/platforms"));
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/users/u-1/balances"));
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/users/u-1/history"));
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/quotes"));
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/rewards"));
    }

    @Test
    void writesNeedTheirScope() {
        assertEquals(Optional.of("points.issue"), scope(HttpMethod.POST, "/api/v1/issuances"));
        assertEquals(Optional.of("points.issue"), scope(HttpMethod.POST, "/api/v1/burns"));
        assertEquals(Optional.of("points.issue"), scope(HttpMethod.POST, "/api/v1/users"));
        assertEquals(Optional.of("points.transfer"), scope(HttpMethod.POST, "/api/v1/transfers"));
        assertEquals(Optional.of("points.transfer"), scope(HttpMethod.POST, "/api/v1/conversions"));
        assertEquals(Optional.of("points.redeem"), scope(HttpMethod.POST, "/api/v1/redemptions"));
    }

    @Test
    void ruleEditsNeedPlatformAdmin() {
        assertEquals(Optional.of("platform.admin"), scope(HttpMethod.PUT, "/api/v1/platforms/platform-a/rules/rates/platform-b"));
        assertEquals(Optional.of("platform.admin"), scope(HttpMethod.PUT, "/api/v1/platforms/platform-a/rules/fee"));
        assertEquals(Optional.of("platform.admin"), scope(HttpMethod.PUT, "/api/v1/platforms/platform-a/rewards/r-1"));
        assertEquals(Optional.of("platform.admin"), scope(HttpMethod.PUT, "/api/v1/platforms/platform-a/rules/expiry"));
        assertEquals(Optional.of("platform.admin"), scope(HttpMethod.POST, "/api/v1/platforms/platform-a/expirations"));
        assertEquals(Optional.of("points.read"), scope(HttpMethod.GET, "/api/v1/users/u-1/expiry"));
    }

    @Test
    void clearingCoversEveryMethodUnderSettlementsAndReconciliation() {
        assertEquals(Optional.of("clearing"), scope(HttpMethod.GET, "/api/v1/settlements/2026-11"));
        assertEquals(Optional.of("clearing"), scope(HttpMethod.POST, "/api/v1/settlements/2026-11/close"));
        assertEquals(Optional.of("clearing"), scope(HttpMethod.GET, "/api/v1/reconciliation"));
    }

    @Test
    void methodMatters() {
        // GET /platforms is a read; a PUT on the same path is not granted by points.read.
        assertTrue(scope(HttpMethod.PUT, "/api/v1/platforms").isEmpty());
        assertTrue(scope(HttpMethod.GET, "/api/v1/issuances").isEmpty());
    }

    @Test
    void operationsEndpointsAreNotUnderAnyRule() {
        assertTrue(scope(HttpMethod.GET, "/health/live").isEmpty());
        assertTrue(scope(HttpMethod.GET, "/openapi.json").isEmpty());
    }

    @Test
    void theTestOnlyProbeNeedsPlatformAdmin() {
        assertEquals(Optional.of(ApiScopes.PLATFORM_ADMIN), scope(HttpMethod.GET, "/api/v1/probe/events"));
        assertEquals(Optional.of(ApiScopes.PLATFORM_ADMIN), scope(HttpMethod.POST, "/api/v1/probe/values"));
    }

    @Test
    void everyRuleUsesAKnownScope() {
        ApiAuthorizationRules.RULES.forEach(rule ->
            assertTrue(ApiScopes.ALL.contains(rule.scope()), rule.toString()));
    }
}
