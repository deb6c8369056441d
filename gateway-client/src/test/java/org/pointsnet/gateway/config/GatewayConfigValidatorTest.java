package org.pointsnet.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class GatewayConfigValidatorTest {

    @TempDir
    Path dir;

    private Path tlsCa;
    private Path cert;
    private Path key;
    private Path caA;
    private Path caB;

    /** A complete embedded-mode OAuth section, for the tests of the other sections. */
    private static final GatewayProperties.OAuth OAUTH = new GatewayProperties.OAuth("embedded",
        "http://gateway-a.test", null, "s".repeat(32), "5m", null, List.of("http://127.0.0.1/callback"), null, null);

    @BeforeEach
    void files() throws Exception {
        tlsCa = Files.writeString(dir.resolve("tlsca.pem"), "x");
        cert = Files.writeString(dir.resolve("cert.pem"), "x");
        key = Files.writeString(dir.resolve("key.pem"), "x");
        caA = Files.writeString(dir.resolve("ca-a.pem"), "x");
        caB = Files.writeString(dir.resolve("ca-b.pem"), "x");
    }

    private GatewayProperties properties(final String endpoint, final String override, final String keyPath) {
        return withTrust(new GatewayProperties.Trust(List.of(
            new GatewayProperties.TrustedPlatform("platform-a", "PlatformAMSP", caA.toString()),
            new GatewayProperties.TrustedPlatform("platform-b", "PlatformBMSP", caB.toString()))),
            endpoint, override, keyPath);
    }

    private GatewayProperties withTrust(final GatewayProperties.Trust trust, final String endpoint,
                                        final String override, final String keyPath) {
        return new GatewayProperties("platform-a",
            new GatewayProperties.Fabric("PlatformAMSP", endpoint, override, tlsCa.toString(), cert.toString(),
                keyPath, "points", "points", null, null, null),
            new GatewayProperties.Probe(false), trust, null, OAUTH, null, null);
    }

    private GatewayProperties withTrust(final GatewayProperties.TrustedPlatform... platforms) {
        return withTrust(new GatewayProperties.Trust(List.of(platforms)), "localhost:7051", null, key.toString());
    }

    @Test
    void completeConfigurationIsAccepted() {
        final GatewaySettings settings = GatewayConfigValidator.validate(
            properties("localhost:7051", "peer0.platform-a.pointsnet.local", key.toString()));

        assertEquals("platform-a", settings.platformId());
        assertEquals("localhost", settings.fabric().peerHost());
        assertEquals(7051, settings.fabric().peerPort());
        assertEquals("localhost:7051", settings.fabric().peerTarget());
        assertEquals("peer0.platform-a.pointsnet.local", settings.fabric().tlsAuthority());
        assertEquals(key, settings.fabric().keyPath());
        assertEquals(List.of(
            new GatewaySettings.TrustedPlatform("platform-a", "PlatformAMSP", caA,
                "pointsnet.trust.platforms[0].ca-cert-path"),
            new GatewaySettings.TrustedPlatform("platform-b", "PlatformBMSP", caB,
                "pointsnet.trust.platforms[1].ca-cert-path")), settings.trust());
    }

    @Test
    void fallbackPeersFollowThePeerInOrderEachWithItsTlsName() {
        final GatewayProperties base = properties("localhost:7051", "peer0.platform-a.pointsnet.local", key.toString());
        final GatewayProperties.Fabric f = base.fabric();
        final GatewayProperties two = new GatewayProperties(base.platformId(), new GatewayProperties.Fabric(f.mspId(),
            f.peerEndpoint(), f.peerHostOverride(), f.tlsCaCert(), f.certPath(), f.keyPath(), f.channel(),
            f.chaincode(), null, null, List.of(
                new GatewayProperties.FallbackPeer("127.0.0.1:7057", "peer1.platform-a.pointsnet.local"),
                new GatewayProperties.FallbackPeer("[::1]:7067", null))),
            base.probe(), base.trust(), base.users(), base.oauth(), base.projection(), base.quotes());

        final GatewaySettings.Fabric fabric = GatewayConfigValidator.validate(two).fabric();

        assertEquals(List.of(new GatewaySettings.PeerAddress("localhost", 7051, "peer0.platform-a.pointsnet.local"),
            new GatewaySettings.PeerAddress("127.0.0.1", 7057, "peer1.platform-a.pointsnet.local"),
            new GatewaySettings.PeerAddress("::1", 7067, "::1")), fabric.peers());
        assertEquals("[::1]:7067", fabric.peers().get(2).target());

        final GatewayProperties bad = new GatewayProperties(base.platformId(), new GatewayProperties.Fabric(f.mspId(),
            f.peerEndpoint(), f.peerHostOverride(), f.tlsCaCert(), f.certPath(), f.keyPath(), f.channel(),
            f.chaincode(), null, null, List.of(new GatewayProperties.FallbackPeer("localhost", null))),
            base.probe(), base.trust(), base.users(), base.oauth(), base.projection(), base.quotes());
        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(bad));
        assertEquals(List.of("pointsnet.fabric.fallback-peers[0].endpoint"),
            e.problems().stream().map(ConfigProblem::property).toList());
    }

    @Test
    void withoutHostOverrideTheEndpointHostIsTheTlsName() {
        final GatewaySettings settings = GatewayConfigValidator.validate(properties("[::1]:7051", " ", key.toString()));

        assertEquals("::1", settings.fabric().peerHost());
        assertEquals("[::1]:7051", settings.fabric().peerTarget());
        assertEquals("::1", settings.fabric().tlsAuthority());
    }

    @Test
    void emptyConfigurationNamesEveryRequiredProperty() {
        final var empty = new GatewayProperties(null, null, null, null, null, null, null, null);

        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(empty));

        final List<String> named = e.problems().stream().map(ConfigProblem::property).toList();
        assertEquals(List.of("pointsnet.platform-id", "pointsnet.fabric.msp-id", "pointsnet.fabric.peer-endpoint",
            "pointsnet.fabric.tls-ca-cert", "pointsnet.fabric.cert-path", "pointsnet.fabric.key-path",
            "pointsnet.fabric.channel", "pointsnet.fabric.chaincode", "pointsnet.trust.platforms"), named);
        assertTrue(e.getMessage().contains("pointsnet.fabric.msp-id: is required but not set"), e.getMessage());
    }

    @Test
    void badEndpointAndMissingFileAreReportedTogether() {
        final String missing = dir.resolve("nope.pem").toString();

        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost:99999", null, missing)));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(new ConfigProblem("pointsnet.fabric.peer-endpoint",
            "must be host:port with a port of 1-65535 (got 'localhost:99999')"), e.problems().get(0));
        assertEquals(new ConfigProblem("pointsnet.fabric.key-path", "file " + missing + " does not exist"),
            e.problems().get(1));
    }

    @Test
    void endpointWithoutPortIsRejected() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost", null, key.toString())));

        assertEquals("pointsnet.fabric.peer-endpoint", e.problems().get(0).property());
    }

    @Test
    void directoryWhereAFileBelongsIsRejected() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(properties("localhost:7051", null, dir.toString())));

        assertEquals(new ConfigProblem("pointsnet.fabric.key-path", dir + " is not a regular file"),
            e.problems().get(0));
    }

    @Test
    void whitespaceInAnIdentifierIsRejected() {
        final var props = new GatewayProperties("platform a", properties("localhost:7051", null, key.toString())
            .fabric(), null, null, null, null, null, null);

        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(props));

        assertEquals("pointsnet.platform-id", e.problems().get(0).property());
    }

    @Test
    void withoutTrustTheGatewayDoesNotStartAndSaysWhatToSet() {
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(withTrust(new GatewayProperties.Trust(null), "localhost:7051", null,
                key.toString())));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("pointsnet.trust.platforms", e.problems().get(0).property());
        assertTrue(e.getMessage().contains("is required but not set"), e.getMessage());
        assertTrue(e.getMessage().contains("POINTSNET_TRUST_PLATFORMS_0_PLATFORMID"), e.getMessage());
    }

    @Test
    void everyTrustEntryIsCheckedAndEachProblemNamesItsKey() {
        final String missing = dir.resolve("nope.pem").toString();

        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(withTrust(
                new GatewayProperties.TrustedPlatform("platform-a", "PlatformAMSP", caA.toString()),
                new GatewayProperties.TrustedPlatform("Platform_B", "PlatformBMSP", caB.toString()),
                new GatewayProperties.TrustedPlatform("platform-c", " ", missing),
                new GatewayProperties.TrustedPlatform("platform-a", "PlatformAMSP", caA.toString()))));

        assertEquals(List.of(
            new ConfigProblem("pointsnet.trust.platforms[1].platform-id",
                "must be a platform id, [a-z0-9][a-z0-9-]{1,31} (got 'Platform_B')"),
            new ConfigProblem("pointsnet.trust.platforms[2].msp-id", "is required but not set"),
            new ConfigProblem("pointsnet.trust.platforms[2].ca-cert-path", "file " + missing + " does not exist"),
            new ConfigProblem("pointsnet.trust.platforms[3].platform-id",
                "platform 'platform-a' is listed more than once")), e.problems());
    }

    @Test
    void theGatewaysOwnPlatformMustBeListedWithItsOwnMsp() {
        final InvalidConfigurationException absent = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(withTrust(
                new GatewayProperties.TrustedPlatform("platform-b", "PlatformBMSP", caB.toString()))));
        assertEquals(List.of(new ConfigProblem("pointsnet.trust.platforms",
            "does not list this gateway's own platform 'platform-a'")), absent.problems());

        final InvalidConfigurationException otherMsp = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(withTrust(
                new GatewayProperties.TrustedPlatform("platform-a", "PlatformBMSP", caA.toString()))));
        assertEquals(List.of(new ConfigProblem("pointsnet.trust.platforms[0].msp-id",
            "this gateway's platform 'platform-a' must be owned by its own MSP PlatformAMSP "
                + "(pointsnet.fabric.msp-id), got PlatformBMSP")), otherMsp.problems());
    }

    @Test
    void trustBindsFromTheEnvironmentVariablesNetworkRenderWrites() {
        // Spring reads a source by this name with the environment-variable mapping, as in a real start.
        final var env = new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
            "POINTSNET_PLATFORMID", "platform-a",
            "POINTSNET_TRUST_PLATFORMS_0_PLATFORMID", "platform-a",
            "POINTSNET_TRUST_PLATFORMS_0_MSPID", "PlatformAMSP",
            "POINTSNET_TRUST_PLATFORMS_0_CACERTPATH", caA.toString(),
            "POINTSNET_TRUST_PLATFORMS_1_PLATFORMID", "platform-b",
            "POINTSNET_TRUST_PLATFORMS_1_MSPID", "PlatformBMSP",
            "POINTSNET_TRUST_PLATFORMS_1_CACERTPATH", caB.toString()));

        final GatewayProperties bound = new Binder(ConfigurationPropertySources.from(env))
            .bind("pointsnet", GatewayProperties.class).get();

        assertEquals(List.of(
            new GatewayProperties.TrustedPlatform("platform-a", "PlatformAMSP", caA.toString()),
            new GatewayProperties.TrustedPlatform("platform-b", "PlatformBMSP", caB.toString())),
            bound.trust().platforms());
    }

    @Test
    void everySectionIsCheckedInTheSameRunAndNoSecretIsEchoed() {
        final GatewayProperties complete = properties("localhost:7051", null, key.toString());
        final var props = new GatewayProperties("platform-a",
            new GatewayProperties.Fabric("PlatformAMSP", "localhost:7051", null, tlsCa.toString(), cert.toString(),
                key.toString(), "points", "points", cert.toString(), " ", null),
            null, complete.trust(), new GatewayProperties.Users("short-users-key"),
            new GatewayProperties.OAuth("embedded", " ", null, "short-client-secret", "soon", null, List.of(), null,
                null),
            new GatewayProperties.Projection("-1", "0s", "0s", "-5", "0s", "201"), new GatewayProperties.Quotes("0s", null));

        final InvalidConfigurationException e =
            assertThrows(InvalidConfigurationException.class, () -> GatewayConfigValidator.validate(props));

        assertEquals(List.of("pointsnet.fabric.admin-key-path", "pointsnet.users.hmac-key", "pointsnet.oauth.issuer",
            "pointsnet.oauth.client-secret", "pointsnet.oauth.access-token-ttl", "pointsnet.projection.max-lag-blocks",
            "pointsnet.projection.catch-up", "pointsnet.projection.reconcile-interval",
            "pointsnet.projection.reconcile-every-blocks", "pointsnet.projection.fold-interval",
            "pointsnet.projection.fold-min-deltas", "pointsnet.quotes.ttl"), e.problems().stream().map(ConfigProblem::property).toList());
        assertTrue(!e.getMessage().contains("short-users-key") && !e.getMessage().contains("short-client-secret"),
            e.getMessage());
    }

    @Test
    void externalModeNeedsTheIssuersKeysAndNoClientSecret() {
        final GatewayProperties complete = properties("localhost:7051", null, key.toString());
        final var external = new GatewayProperties.OAuth("external", "http://issuer.test", null, null, "5m", null,
            List.of(), null, null);
        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(new GatewayProperties("platform-a", complete.fabric(), null,
                complete.trust(), null, external, null, null)));
        assertEquals(List.of(new ConfigProblem("pointsnet.oauth.jwk-set-uri",
            "the external issuer's JWKS URL is missing (pointsnet.oauth.mode=external)")), e.problems());

        final var unknownMode = new GatewayProperties.OAuth("both", "http://issuer.test", null, null, "5m", null,
            List.of(), null, null);
        final InvalidConfigurationException mode = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(new GatewayProperties("platform-a", complete.fabric(), null,
                complete.trust(), null, unknownMode, null, null)));
        assertEquals(List.of(new ConfigProblem("pointsnet.oauth.mode", "must be embedded or external (got 'both')")),
            mode.problems());
    }

    @Test
    void boundDefaultsMakeAWorkingEmbeddedGateway() {
        final var env = new SystemEnvironmentPropertySource("systemEnvironment", Map.ofEntries(
            Map.entry("POINTSNET_PLATFORMID", "platform-a"),
            Map.entry("POINTSNET_FABRIC_MSPID", "PlatformAMSP"),
            Map.entry("POINTSNET_FABRIC_PEERENDPOINT", "localhost:7051"),
            Map.entry("POINTSNET_FABRIC_TLSCACERT", tlsCa.toString()),
            Map.entry("POINTSNET_FABRIC_CERTPATH", cert.toString()),
            Map.entry("POINTSNET_FABRIC_KEYPATH", key.toString()),
            Map.entry("POINTSNET_FABRIC_CHANNEL", "points"),
            Map.entry("POINTSNET_FABRIC_CHAINCODE", "points"),
            Map.entry("POINTSNET_OAUTH_ISSUER", "http://gateway-a.test"),
            Map.entry("POINTSNET_OAUTH_CLIENTSECRET", "s".repeat(32)),
            Map.entry("POINTSNET_TRUST_PLATFORMS_0_PLATFORMID", "platform-a"),
            Map.entry("POINTSNET_TRUST_PLATFORMS_0_MSPID", "PlatformAMSP"),
            Map.entry("POINTSNET_TRUST_PLATFORMS_0_CACERTPATH", caA.toString())));

        final GatewaySettings settings = GatewayConfigValidator.validate(new Binder(
            ConfigurationPropertySources.from(env))
            .bind("pointsnet", GatewayProperties.class).get());

        final GatewaySettings.OAuth oauth = settings.requireOAuth();
        assertEquals(GatewaySettings.OAuth.Mode.EMBEDDED, oauth.mode());
        assertEquals("http://gateway-a.test", oauth.expectedAudience());
        assertEquals(java.time.Duration.ofMinutes(5), oauth.accessTokenTtl());
        assertEquals(List.of("https://127.0.0.1/callback"), oauth.appRedirectUris());
        assertEquals(new GatewaySettings.Projection(20, java.time.Duration.ofSeconds(10),
            java.time.Duration.ofSeconds(30), 100, java.time.Duration.ofSeconds(10), 100), settings.projection());
        assertTrue(settings.admin().isEmpty() && settings.usersHmacKey().isEmpty());
        assertTrue(!settings.toString().contains("s".repeat(32)), settings.toString());
    }

    @Test
    void failureAnalysisShowsTheProblemsAndHowToSetThem() {
        final var e = new InvalidConfigurationException("pointsnet.fabric.msp-id", "is required but not set");

        final var analysis = new InvalidConfigurationFailureAnalyzer().analyze(new RuntimeException("wrapper", e));

        assertTrue(analysis.getDescription().contains("pointsnet.fabric.msp-id: is required but not set"),
            analysis.getDescription());
        assertTrue(analysis.getAction().contains("--pointsnet."), analysis.getAction());
    }

    @Test
    void plainHttpOnlyOnLoopback() throws Exception {
        final GatewayProperties complete = properties("localhost:7051", null, key.toString());
        final InetAddress loopback = InetAddress.getByName("127.0.0.1");
        final InetAddress routable = InetAddress.getByName("10.1.2.3");

        GatewayConfigValidator.validate(complete, List.of(new Listener("server", Optional.of(loopback), false)));
        GatewayConfigValidator.validate(complete, List.of(new Listener("server", Optional.of(routable), true),
            new Listener("server", Optional.empty(), true)));

        for (final Listener plain : List.of(new Listener("server", Optional.of(routable), false),
            new Listener("server", Optional.empty(), false))) {
            final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> GatewayConfigValidator.validate(complete, List.of(plain)));
            assertEquals(List.of("server.address"), e.problems().stream().map(ConfigProblem::property).toList());
            assertTrue(e.getMessage().contains("would listen on " + plain.describeAddress() + " without TLS"),
                e.getMessage());
            assertTrue(e.getMessage().contains("server.ssl.certificate"), e.getMessage());
        }
        final InvalidConfigurationException management = assertThrows(InvalidConfigurationException.class,
            () -> GatewayConfigValidator.validate(complete, List.of(new Listener("server", Optional.of(routable), true),
                new Listener("management.server", Optional.empty(), false))));
        assertEquals("management.server.address", management.problems().get(0).property());
    }

    @Test
    void listenersAreReadAsBootWillBindThem() {
        final Listener defaults = Listener.of(new MockEnvironment()).get(0);
        assertEquals("server", defaults.prefix());
        assertFalse(defaults.loopbackOnly(), "no server.address: Boot binds every interface");
        assertFalse(defaults.tls());

        final List<Listener> https = Listener.of(new MockEnvironment()
            .withProperty("server.address", "0.0.0.0").withProperty("server.port", "8081")
            .withProperty("server.ssl.certificate", "file:/x/server.crt")
            .withProperty("server.ssl.certificate-private-key", "file:/x/server.key")
            .withProperty("management.server.port", "8081"));
        assertEquals(1, https.size(), "actuator on the API's port shares its socket");
        assertTrue(https.get(0).tls());
        assertFalse(https.get(0).loopbackOnly());

        final List<Listener> switchedOff = Listener.of(new MockEnvironment()
            .withProperty("server.address", "127.0.0.1")
            .withProperty("server.ssl.enabled", "false").withProperty("server.ssl.certificate", "file:/x/server.crt")
            .withProperty("management.server.port", "9090").withProperty("management.server.address", "127.0.0.2"));
        assertFalse(switchedOff.get(0).tls(), "server.ssl.enabled=false wins over the certificate");
        assertTrue(switchedOff.get(0).loopbackOnly());
        assertEquals("management.server", switchedOff.get(1).prefix());
        assertTrue(switchedOff.get(1).loopbackOnly());
    }
}
