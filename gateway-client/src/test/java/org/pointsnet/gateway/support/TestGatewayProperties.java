package org.pointsnet.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties of a whole gateway for platform-a in a test: TLS material from {@link TestPki}, a peer address
 * where nothing listens (every ledger call fails fast with 503), and the embedded authorization server.
 */
public final class TestGatewayProperties {

    public static final String PLATFORM = "platform-a";
    public static final String ISSUER = "http://gateway-a.test";
    public static final String CLIENT_SECRET = "test-secret-0123456789abcdef0123456789";
    public static final String APP_REDIRECT = "http://127.0.0.1/callback";

    private TestGatewayProperties() {
    }

    public static void register(final DynamicPropertyRegistry registry, final Path dir) throws Exception {
        Files.createDirectories(dir);
        final var ca = TestPki.write(dir, "tlsca");
        final var user = TestPki.write(dir, "user1");
        registry.add("pointsnet.platform-id", () -> PLATFORM);
        registry.add("pointsnet.fabric.msp-id", () -> "PlatformAMSP");
        // Port 1 on loopback: nothing listens there, so every call fails fast with UNAVAILABLE.
        registry.add("pointsnet.fabric.peer-endpoint", () -> "127.0.0.1:1");
        registry.add("pointsnet.fabric.peer-host-override", () -> "peer0.platform-a.pointsnet.local");
        registry.add("pointsnet.fabric.tls-ca-cert", () -> ca.cert().toString());
        registry.add("pointsnet.fabric.cert-path", () -> user.cert().toString());
        registry.add("pointsnet.fabric.key-path", () -> user.key().toString());
        registry.add("pointsnet.fabric.channel", () -> "points");
        registry.add("pointsnet.fabric.chaincode", () -> "points");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("projection/db"));
        registry.add("pointsnet.users.hmac-key", () -> "test-hmac-key-0123456789abcdef0123456789");
        registry.add("pointsnet.oauth.issuer", () -> ISSUER);
        registry.add("pointsnet.oauth.client-secret", () -> CLIENT_SECRET);
        registry.add("pointsnet.oauth.signing-key-file", () -> signingKeyFile(dir).toString());
        registry.add("pointsnet.oauth.app-redirect-uris", () -> APP_REDIRECT);
        // Whose endorsement the projection requires for which platform: the three test orgs' CAs.
        final var trust = TestMsps.shared().writeCaFiles(dir.resolve("trust"));
        for (int i = 0; i < trust.size(); i++) {
            final var platform = trust.get(i);
            final String prefix = "pointsnet.trust.platforms[" + i + "].";
            registry.add(prefix + "platform-id", platform::platformId);
            registry.add(prefix + "msp-id", platform::mspId);
            registry.add(prefix + "ca-cert-path", () -> platform.caCert().toString());
        }
    }

    public static Path signingKeyFile(final Path dir) {
        return dir.resolve("oauth/signing-key.json");
    }
}
