package org.pointsnet.gateway.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Grants of a platform back end as the gateway's authorization server stores them, for the token store tests. */
final class Grants {

    static final RegisteredClient CLIENT = RegisteredClient.withId("c1").clientId("platform-a-backend")
        .clientSecret("{noop}s").clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).scope("points.read").build();
    private static final Instant NOW = Instant.now();

    private Grants() {
    }

    /** The gateway's grant store over {@code jdbc}: Spring Authorization Server's JDBC service, tokens hashed. */
    static HashedTokenAuthorizationService store(final JdbcOperations jdbc) {
        return new HashedTokenAuthorizationService(
            new JdbcOAuth2AuthorizationService(jdbc, new InMemoryRegisteredClientRepository(CLIENT)));
    }

    static OAuth2AccessToken access(final String value) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, NOW, NOW.plusSeconds(300),
            Set.of("points.read"));
    }

    /** A client-credentials grant {@code id} holding the two tokens (not yet saved). */
    static OAuth2Authorization grant(final String id, final String accessValue, final String refreshValue) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id(id)
            .principalName("platform-a-backend").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .accessToken(access(accessValue))
            .refreshToken(new OAuth2RefreshToken(refreshValue, NOW, NOW.plusSeconds(3600)))
            .build();
    }

    /** What {@code POST /oauth2/revoke} does to a grant: marks its access token invalidated in its metadata. */
    static OAuth2Authorization revoked(final OAuth2Authorization grant) {
        return OAuth2Authorization.from(grant).invalidate(grant.getAccessToken().getToken()).build();
    }
}
