package org.pointsnet.gateway.security;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pointsnet.gateway.config.GatewayProperties;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.users.JdbcUserCredentials;
import org.pointsnet.gateway.users.UserCredentials;
import org.pointsnet.gateway.users.PlatformUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OAuth 2.0 authorization server of the gateway's platform (Spring Security's authorization server):
 * {@code POST /oauth2/token}, {@code GET /oauth2/authorize}, {@code GET /oauth2/jwks}, {@code POST
 * /oauth2/introspect}, {@code POST /oauth2/revoke}, {@code GET /.well-known/oauth-authorization-server}.
 *
 * <p>Clients: {@code <platformId>-backend} (confidential; client_credentials; every scope) for the platform's
 * back end, {@code <platformId>-app} (public; authorization code with PKCE S256 and consent; the user scopes)
 * for the platform's end-user app, and the web console's two public clients ({@link ConsoleOperator}). Access
 * tokens are ES256 JWTs naming the platform, and for end users the user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pointsnet.oauth.mode", havingValue = GatewayProperties.OAuth.EMBEDDED,
    matchIfMissing = true)
public class AuthorizationServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);
    private static final int MIN_SECRET = 32;

    /** The authorization server's endpoints; an unauthenticated browser is sent to the login page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(final HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.tokenEndpoint(token -> token.accessTokenRequestConverter(new DefaultScopesConverter()));
            })
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(final GatewaySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.requireOAuth().issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(final GatewaySettings settings, final PasswordEncoder passwords,
                                                 final ObjectProvider<AdditionalBackends> extra) {
        final GatewaySettings.OAuth oauth = settings.requireOAuth();
        // Present in embedded mode: the validator refuses to start without it.
        final String secret = oauth.clientSecret().orElseThrow().value();
        final TokenSettings tokens = TokenSettings.builder()
            .accessTokenTimeToLive(oauth.accessTokenTtl())
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .build();
        final String platform = settings.platformId();
        final List<RegisteredClient> clients = new ArrayList<>();
        final RegisteredClient.Builder backend = RegisteredClient
            .withId(UUID.nameUUIDFromBytes((platform + "-backend").getBytes()).toString())
            .clientId(backendClientId(platform))
            .clientSecret(passwords.encode(secret))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scopes(scopes -> scopes.addAll(ApiScopes.ALL))
            .tokenSettings(tokens);
        if (oauth.clientJwkSetUri() != null) {
            // API.md: the back end may authenticate with a JWT signed by its own key instead of the secret.
            backend.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .clientSettings(ClientSettings.builder().jwkSetUrl(oauth.clientJwkSetUri())
                    .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256).build());
        }
        clients.add(backend.build());
        // Further back-end clients (e.g. pointsnet.signatures.clients[i] with a client secret): the back end's scopes.
        for (final AdditionalBackends.Backend signed : extraBackends(extra, platform)) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(signed.clientId().getBytes()).toString())
                .clientId(signed.clientId())
                .clientSecret(passwords.encode(signed.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(ApiScopes.ALL))
                .tokenSettings(tokens)
                .build());
        }
        clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes((platform + "-app").getBytes()).toString())
            .clientId(appClientId(platform))
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(uris -> uris.addAll(oauth.appRedirectUris()))
            .scopes(scopes -> scopes.addAll(ApiScopes.USER))
            .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
            .tokenSettings(tokens)
            .build());
        clients.addAll(consoleClients(platform, oauth.issuer(), tokens));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The web console's public clients (pages served by this gateway, so their redirect URIs are the issuer's): the
     * operator's dashboard with every scope, and a person's points page with the user scopes. No consent page: the
     * console is the platform's own. The token customizer lets only the operator use the first, and only end users
     * the second.
     */
    private static List<RegisteredClient> consoleClients(final String platform, final String issuer,
                                                         final TokenSettings tokens) {
        final String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        final ClientSettings pkce = ClientSettings.builder().requireProofKey(true)
            .requireAuthorizationConsent(false).build();
        return List.of(
            consoleClient(ConsoleOperator.operatorClientId(platform), base + "/console/operator", ApiScopes.ALL, pkce,
                tokens),
            consoleClient(ConsoleOperator.personClientId(platform), base + "/console/me", ApiScopes.USER, pkce,
                tokens));
    }

    /** A console page's public client: authorization code with PKCE, redirecting to that page only. */
    private static RegisteredClient consoleClient(final String clientId, final String page,
                                                  final List<String> scopes,
                                                  final ClientSettings pkce, final TokenSettings tokens) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
            .clientId(clientId)
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(page)
            .scopes(granted -> granted.addAll(scopes))
            .clientSettings(pkce)
            .tokenSettings(tokens)
            .build();
    }

    private static List<AdditionalBackends.Backend> extraBackends(final ObjectProvider<AdditionalBackends> extra,
                                                                 final String platform) {
        return extra.orderedStream().flatMap(source -> source.backends().stream())
            .filter(client -> !client.clientId().equals(backendClientId(platform))
                && !client.clientId().equals(appClientId(platform)))
            .peek(client -> {
                if (client.clientSecret().length() < MIN_SECRET) {
                    throw new IllegalStateException("the client secret of " + client.clientId() + " has fewer than "
                        + MIN_SECRET + " characters");
                }
            })
            .toList();
    }

    /** The back end's client id: {@code <platformId>-backend}. */
    public static String backendClientId(final String platformId) {
        return platformId + "-backend";
    }

    /** The end-user app's client id: {@code <platformId>-app}. */
    public static String appClientId(final String platformId) {
        return platformId + "-app";
    }

    // In the gateway's database (Flyway V2): grants, and so tokens, survive a restart; KnownTokenValidator reads
    // them (IssuedAccessTokens) to refuse revoked or never-issued tokens. Token values are stored only as SHA-256
    // hashes.
    @Bean
    OAuth2AuthorizationService authorizationService(final JdbcOperations jdbc,
                                                    final RegisteredClientRepository clients) {
        return new HashedTokenAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients));
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(final JdbcOperations jdbc,
                                                                  final RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ExpiredGrantsPurge expiredGrantsPurge(final JdbcClient jdbc) {
        return new ExpiredGrantsPurge(jdbc, Clock.systemUTC());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(final GatewaySettings settings) {
        final GatewaySettings.OAuth oauth = settings.requireOAuth();
        final ECKey key;
        if (oauth.signingKeyFile() == null) {
            LOG.warn("pointsnet.oauth.signing-key-file is not set: tokens are signed with a key that lives only in "
                + "memory and become invalid at every restart");
            key = SigningKeyFile.ephemeral();
        } else {
            key = SigningKeyFile.loadOrCreate(oauth.signingKeyFile());
        }
        LOG.info("token signing key {} (ES256)", key.getKeyID());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(final GatewaySettings settings,
                                                                 final PlatformUsers users) {
        final String audience = settings.requireOAuth().expectedAudience();
        return context -> {
            context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            // A mutable list: the grant is stored as JSON, and Spring Security's type allowlist refuses List.of's
            // class.
            context.getClaims().audience(new ArrayList<>(List.of(audience)))
                .claim(TokenClaims.PLATFORM_ID, settings.platformId())
                .claim(TokenClaims.CLIENT_ID, context.getRegisteredClient().getClientId());
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                // The console operator acts for the platform (no user id) and only through its own client; an end
                // user never through that client.
                final boolean operator = ConsoleOperator.isOperator(context.getPrincipal());
                final boolean operatorClient = ConsoleOperator.operatorClientId(settings.platformId())
                    .equals(context.getRegisteredClient().getClientId());
                if (operator != operatorClient) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                        operator ? "the platform operator signs in only to the operator console"
                            : "only the platform operator signs in to the operator console", null));
                }
                if (operator) {
                    return;
                }
                // The principal is the signed-in user's account reference (PlatformUserDirectory); an account erased
                // since sign-in gets no token.
                context.getClaims().claim(TokenClaims.USER_ID, users.userIdOfRef(context.getPrincipal().getName())
                    .orElseThrow(() -> new IllegalStateException("the signed-in account was erased")));
            }
        };
    }

    @Bean
    JwtDecoder jwtDecoder(final JWKSource<SecurityContext> jwkSource, final GatewaySettings settings,
                          final JdbcOperations jdbc) {
        final GatewaySettings.OAuth oauth = settings.requireOAuth();
        return AccessTokenDecoders.embedded(jwkSource,
            AccessTokenDecoders.validators(oauth.issuer(), oauth.expectedAudience(), settings.platformId(),
                new KnownTokenValidator(new IssuedAccessTokens(jdbc))));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserCredentials userCredentials(final PlatformUsers users, final PasswordEncoder passwords) {
        return new JdbcUserCredentials(users, passwords);
    }

    @Bean
    PlatformUserDirectory platformUserDirectory(final GatewaySettings settings, final PlatformUsers users,
                                                final PasswordEncoder passwords,
                                                @Value("${pointsnet.console.operator-password:}") final String pw) {
        if (pw.isEmpty()) {
            return new PlatformUserDirectory(settings.platformId(), users);
        }
        if (pw.codePointCount(0, pw.length()) < ConsoleOperator.MIN_PASSWORD) {
            throw new IllegalStateException("pointsnet.console.operator-password has fewer than "
                + ConsoleOperator.MIN_PASSWORD + " characters");
        }
        // Kept only as the encoder's hash, like the users' passwords.
        return new PlatformUserDirectory(settings.platformId(), users, new ConsoleOperator(passwords.encode(pw)));
    }
}
