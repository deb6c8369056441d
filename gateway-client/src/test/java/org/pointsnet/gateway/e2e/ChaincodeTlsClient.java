package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Dials a chaincode server the way a peer does (TLS, ALPN h2, the server's certificate verified against the org TLS
 * CA by host name or IP) with a chosen client certificate or none, and tells whether the server let the connection
 * in: an admitted client gets the server's HTTP/2 SETTINGS frame after sending the connection preface; a refused one
 * gets a TLS alert or a closed connection. JDK code only.
 */
final class ChaincodeTlsClient {

    /** The HTTP/2 client connection preface followed by an empty SETTINGS frame (RFC 9113, section 3.4). */
    private static final byte[] PREFACE = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        new byte[] {0, 0, 0, 0x4, 0, 0, 0, 0, 0});
    private static final int SETTINGS = 0x4;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final SSLContext context;

    private ChaincodeTlsClient(final SSLContext context) {
        this.context = context;
    }

    /**
     * A client trusting {@code serverCa}; presenting {@code clientPair} (a certificate PEM file and its PKCS#8 key,
     * {@code <name>.crt} and {@code <name>.key} side by side) or, when empty, no certificate at all.
     */
    static ChaincodeTlsClient of(final Path serverCa, final Optional<Path> clientCert) {
        try {
            final KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("ca", GatewayTrust.readCertificates(serverCa).iterator().next());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            KeyManagerFactory keys = null;
            if (clientCert.isPresent()) {
                final Path cert = clientCert.get();
                final Path key = cert.resolveSibling(cert.getFileName().toString().replaceAll("\\.crt$", ".key"));
                final char[] password = new char[0];
                final KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", privateKey(key), password,
                    GatewayTrust.readCertificates(cert).toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, password);
            }
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return new ChaincodeTlsClient(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS client for " + serverCa + " / " + clientCert, e);
        }
    }

    /**
     * Connects to {@code host:port} and reports whether the server admitted this client (answered the HTTP/2
     * preface with SETTINGS). A server that neither answers nor closes within 10 s fails the test: that is neither.
     */
    boolean admitted(final String address) throws IOException {
        final int colon = address.lastIndexOf(':');
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(address.substring(0, colon),
            Integer.parseInt(address.substring(colon + 1)))) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            final SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2"});
            // Like the peer, check the server's certificate against the address dialled.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            try {
                socket.startHandshake();
                final OutputStream out = socket.getOutputStream();
                out.write(PREFACE);
                out.flush();
                final InputStream in = socket.getInputStream();
                final byte[] header = in.readNBytes(9);
                return header.length == 9 && header[3] == SETTINGS;
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the chaincode server at " + address + " neither answered nor closed", e);
            } catch (SSLException | SocketException e) {
                // TLS 1.3: the server checks the client certificate after the client's Finished, so its refusal
                // (an alert, or the connection closed) shows on the first read or write.
                return false;
            }
        }
    }

    private static PrivateKey privateKey(final Path file) throws IOException, GeneralSecurityException {
        final String pem = Files.readString(file, StandardCharsets.US_ASCII)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
