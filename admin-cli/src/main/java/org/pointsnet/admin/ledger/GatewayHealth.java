package org.pointsnet.admin.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last reconciliation of an org's REST gateway (its projection against the ledger), from its readiness endpoint
 * {@code /health/ready}, which needs no token; HTTPS trusting only the org's TLS CA.
 */
public final class GatewayHealth {

    private GatewayHealth() {
    }

    /** The {@code reconciliation} object of the gateway's readiness answer (missing node when it has none yet). */
    public static JsonNode reconciliation(URI gateway, Path tlsCaCert) {
        URI ready = URI.create(gateway.toString().replaceAll("/+$", "") + "/health/ready");
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(tlsCaCert))
                .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
            // 503 (not ready) still carries the reconciliation.
            return JsonMapper.shared().readTree(response.body()).path("reconciliation");
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "gateway " + ready + " unavailable: "
                + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "interrupted reading " + ready, e);
        } catch (JacksonException e) {
            throw new LedgerException(LedgerException.Kind.FAILED, "gateway " + ready + " answered no JSON", e);
        }
    }

    private static SSLContext trusting(Path tlsCaCert) {
        try (InputStream in = Files.newInputStream(tlsCaCert)) {
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            roots.setCertificateEntry("org-tls-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(roots);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw LedgerException.usage("cannot use the TLS CA certificate " + tlsCaCert + ": " + e.getMessage());
        }
    }
}
