package org.pointsnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.pointsnet.gateway.config.InvalidConfigurationFailureAnalyzer;
import org.pointsnet.gateway.support.TestGatewayProperties;
import org.pointsnet.gateway.support.TestPki;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as test-network.sh starts it: HTTPS from PEM files (server.ssl.certificate), verified by a
 * client that trusts only that certificate and checks the host name; and no start at all on a routable address
 * without TLS, with Boot's failure report naming server.address.
 */
class GatewayHttpsTest {

    private static final Path DIR = Path.of("target", "test-gateway-https-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void servesHttpsFromPemFilesAndNothingInClear() throws Exception {
        final Map<String, Object> properties = gatewayProperties(DIR.resolve("https"));
        final TestPki.Files3 server = TestPki.write(Files.createDirectories(DIR.resolve("tls")), "gateway", "localhost");
        properties.put("server.port", "0");
        properties.put("server.ssl.certificate", "file:" + server.cert());
        properties.put("server.ssl.certificate-private-key", "file:" + server.key());
        try (ConfigurableApplicationContext context = start(properties)) {
            final int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            final HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(server.cert()))
                .connectTimeout(Duration.ofSeconds(5)).build();
            final HttpResponse<String> live = trusting.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());

            // 127.0.0.1 is not among the certificate's names: hostname verification refuses it.
            assertThrows(SSLHandshakeException.class, () -> trusting.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()));
            // A client with the JDK's default trust does not know this CA.
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()));
            // Plain HTTP to the TLS port gets no API answer (Tomcat answers 400 to a request that is no TLS record).
            final HttpResponse<String> plain = trusting.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, plain.statusCode(), plain.body());
            assertTrue(plain.body().contains("requires TLS"), plain.body());
        }
    }

    @Test
    void refusesToStartOnARoutableAddressWithoutTls() throws Exception {
        final Map<String, Object> properties = gatewayProperties(DIR.resolve("plain"));
        properties.put("server.address", "0.0.0.0");
        properties.put("server.port", "0");

        final Exception failure = assertThrows(Exception.class, () -> start(properties).close());

        final FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
        assertTrue(analysis != null, "not an InvalidConfigurationException: " + failure);
        assertTrue(analysis.getDescription().contains(
            "server.address: the gateway would listen on 0.0.0.0 without TLS"), analysis.getDescription());
        assertEquals(1, ((InvalidConfigurationException) analysis.getCause()).problems().size(),
            analysis.getDescription());
    }

    /** Starts the gateway with {@code properties} as command-line arguments: they override application.properties. */
    private static ConfigurableApplicationContext start(final Map<String, Object> properties) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(properties.entrySet().stream()
            .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    /** A complete platform-a gateway, as {@link TestGatewayProperties} registers it for @SpringBootTest. */
    private static Map<String, Object> gatewayProperties(final Path dir) throws Exception {
        final Map<String, Object> properties = new LinkedHashMap<>();
        TestGatewayProperties.register((name, value) -> properties.put(name, value.get()), dir);
        return properties;
    }

    private static SSLContext trusting(final Path caCert) throws Exception {
        final KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
