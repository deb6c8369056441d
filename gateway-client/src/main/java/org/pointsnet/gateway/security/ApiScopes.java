package org.pointsnet.gateway.security;

import java.util.List;

/** The OAuth 2.0 scopes of API.md and which client kind may hold them. */
public final class ApiScopes {

    public static final String POINTS_READ = "points.read";
    public static final String POINTS_ISSUE = "points.issue";
    public static final String POINTS_TRANSFER = "points.transfer";
    public static final String POINTS_REDEEM = "points.redeem";
    public static final String PLATFORM_ADMIN = "platform.admin";
    public static final String CLEARING = "clearing";

    /** Every scope, in API.md's order: what a platform's back end may be granted. */
    public static final List<String> ALL =
        List.of(POINTS_READ, POINTS_ISSUE, POINTS_TRANSFER, POINTS_REDEEM, PLATFORM_ADMIN, CLEARING);

    /** What an end user may consent to: reading, converting and redeeming their own points, nothing else. */
    public static final List<String> USER = List.of(POINTS_READ, POINTS_TRANSFER, POINTS_REDEEM);

    private ApiScopes() {
    }
}
