package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the end-to-end clients trust: exactly the org TLS CAs that issued the gateways' HTTPS certificates, as
 * {@code test-network.sh status --json} names them ({@code caCert}), never the JDK's default CAs and never "trust all".
 * The JDK HttpClient verifies the host name on every connection (the URL's 127.0.0.1 is an IP SAN of each gateway's
 * certificate).
 */
final class GatewayTrust {

    private GatewayTrust() {
    }

    /** Trusts every live gateway's CA; read once per test JVM from {@code status --json}. */
    static SSLContext gateways() {
        return Holder.CONTEXT;
    }

    /** An SSLContext whose only trust anchors are the PEM certificates in {@code caCerts}. */
    static SSLContext trusting(final Collection<Path> caCerts) {
        try {
            final KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (final Path file : caCerts) {
                for (final Certificate certificate : readCertificates(file)) {
                    anchors.setCertificateEntry("ca-" + i++, certificate);
                }
            }
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust of " + caCerts, e);
        }
    }

    static Collection<? extends Certificate> readCertificates(final Path file)
        throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    /** Built on first use: the network is up by then (every end-to-end class starts from status --json). */
    private static final class Holder {
        private static final SSLContext CONTEXT;

        static {
            try {
                CONTEXT = trusting(NetworkStatus.gatewayCaCerts());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
