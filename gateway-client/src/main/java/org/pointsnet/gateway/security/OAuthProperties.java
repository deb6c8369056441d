package org.pointsnet.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pointsnet.oauth.*}: who issues the tokens this gateway accepts.
 *
 * @param mode             {@code embedded} (default): this gateway is the authorization server of its platform;
 *                         {@code external}: it only validates tokens of the issuer at {@code jwkSetUri}
 * @param issuer           the issuer URL tokens carry ({@code iss}) and are checked against
 * @param audience         the {@code aud} tokens must name; defaults to the issuer (this gateway's API)
 * @param clientSecret     secret of the platform's back-end client {@code <platformId>-backend} (embedded)
 * @param accessTokenTtl   lifetime of access tokens (embedded)
 * @param signingKeyFile   PKCS#8 PEM of the EC P-256 token signing key; created (0600) when missing (embedded)
 * @param appRedirectUris  redirect URIs of the end-user app client {@code <platformId>-app} (embedded)
 * @param jwkSetUri        JWKS of the external issuer (external)
 * @param clientJwkSetUri  JWKS of the back end's own keys: enables private_key_jwt client authentication (RFC 7523)
 *                         for {@code <platformId>-backend} next to the secret (embedded)
 */
@ConfigurationProperties("pointsnet.oauth")
public record OAuthProperties(@DefaultValue("embedded") String mode,
                              String issuer,
                              String audience,
                              String clientSecret,
                              @DefaultValue("5m") Duration accessTokenTtl,
                              String signingKeyFile,
                              @DefaultValue("http://127.0.0.1/callback") List<String> appRedirectUris,
                              String jwkSetUri,
                              String clientJwkSetUri) {

    static final String EMBEDDED = "embedded";
    static final String EXTERNAL = "external";

    /** The audience tokens must carry. */
    public String expectedAudience() {
        return audience == null || audience.isBlank() ? issuer : audience;
    }
}
