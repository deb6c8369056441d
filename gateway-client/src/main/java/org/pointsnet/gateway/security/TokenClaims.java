package org.pointsnet.gateway.security;

/** Names of the claims the gateway puts in its access tokens and reads back. */
public final class TokenClaims {

    /** The platform the token acts for: a back end's own platform, or the platform an end user signed in to. */
    public static final String PLATFORM_ID = "platform_id";

    /** Present only in end-user tokens: the pseudonymous network user id the token acts for. */
    public static final String USER_ID = "user_id";

    /** The OAuth client the token was issued to (RFC 9068): which clients must sign their requests is per client. */
    public static final String CLIENT_ID = "client_id";

    private TokenClaims() {
    }
}
