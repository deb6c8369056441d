package org.pointsnet.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 request written byte for byte, for request targets {@link java.net.URI} refuses to build (malformed
 * percent-encoding such as {@code ?cursor=%%%%}) but a client on the wire can still send.
 */
public final class RawHttp {

    /** Status, Content-Type and body of the answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** {@code GET target} over plain HTTP, with a bearer token unless it is null. */
    public static Answer get(final URI base, final String target, final String bearer) throws IOException {
        return get(base, target, bearer, null);
    }

    /**
     * {@code GET target} to the server of {@code base}, with a bearer token unless it is null; an https base is
     * reached through {@code tls} (its trust anchors), the server's name checked against its certificate.
     */
    public static Answer get(final URI base, final String target, final String bearer, final SSLContext tls)
        throws IOException {
        final boolean https = "https".equalsIgnoreCase(base.getScheme());
        final int port = base.getPort() > 0 ? base.getPort() : (https ? 443 : 80);
        try (Socket socket = https ? secure(tls, base.getHost(), port) : new Socket(base.getHost(), port)) {
            socket.setSoTimeout(30_000);
            final StringBuilder request = new StringBuilder()
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(port).append("\r\n")
                .append("Accept: application/json\r\n")
                .append("Connection: close\r\n");
            if (bearer != null) {
                request.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            request.append("\r\n");
            final OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static Socket secure(final SSLContext tls, final String host, final int port) throws IOException {
        if (tls == null) {
            throw new IllegalArgumentException("an https address needs the SSLContext that trusts it");
        }
        final SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
        final SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String readAll(final InputStream in) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(final String response) {
        final int headEnd = response.indexOf("\r\n\r\n");
        final String head = headEnd < 0 ? response : response.substring(0, headEnd);
        String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
        final String[] lines = head.split("\r\n");
        final int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (final String line : lines) {
            final String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, body);
    }

    private static String dechunk(final String chunked) {
        final StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            final int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            final int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
