package org.pointsnet.gateway.security;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The platform's operator person, who signs in to the web console's member dashboard ({@code /console/operator})
 * on the gateway's login page with the login name {@link #LOGIN} and the password of
 * {@code pointsnet.console.operator-password}. Its tokens carry the platform admin's scopes and no user id, like the
 * back end's: the operator acts for the platform.
 *
 * @param passwordHash the password as the gateway's {@code PasswordEncoder} stored it (never the password itself)
 */
public record ConsoleOperator(String passwordHash) {

    /**
     * The login name. It contains a space, which no platform user id can ({@code POST /users} takes visible ASCII
     * only), so the operator and the platform's users never share a name.
     */
    public static final String LOGIN = "platform operator";

    /** The authenticated name: not a blind index (64 hex digits), so never taken for an end user's account. */
    public static final String PRINCIPAL = "console-operator";

    /** The role the login page grants the operator; end users get {@code ROLE_USER}. */
    public static final String ROLE = "OPERATOR";

    /** Fewer characters than this are refused at start: the password guards every platform admin call. */
    public static final int MIN_PASSWORD = 16;

    /** The console's public client for the operator: authorization code with PKCE, every scope. */
    public static String operatorClientId(final String platformId) {
        return platformId + "-console-operator";
    }

    /** The console's public client for a person's points page: authorization code with PKCE, the user scopes. */
    public static String personClientId(final String platformId) {
        return platformId + "-console";
    }

    /** True when the signed-in principal is the console operator. */
    public static boolean isOperator(final Authentication principal) {
        if (principal == null) {
            return false;
        }
        final Collection<? extends GrantedAuthority> authorities = principal.getAuthorities();
        return PRINCIPAL.equals(principal.getName())
            && authorities.stream().anyMatch(a -> ("ROLE_" + ROLE).equals(a.getAuthority()));
    }
}
