package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * HTTPS calls to a gateway for the end-to-end tests, verifying its certificate against the org TLS CAs only
 * ({@link GatewayTrust}); a write waits for its commit, hence the long timeout.
 */
final class GatewayHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private GatewayHttp() {
    }

    /** GETs {@code path}; {@code headers} are name, value pairs (e.g. Authorization). */
    static HttpResponse<String> get(final URI gateway, final String path, final String... headers)
        throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET(), headers);
    }

    /** Sends {@code method} with a JSON body (null: none) and the {@code headers} name, value pairs. */
    static HttpResponse<String> send(final URI gateway, final String method, final String path, final String json,
                                     final String... headers) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).method(method,
            json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    /** POSTs JSON; {@code headers} are name, value pairs (e.g. the Idempotency-Key). */
    static HttpResponse<String> post(final URI gateway, final String path, final String json, final String... headers)
        throws IOException, InterruptedException {
        return send(gateway, "POST", path, json, headers);
    }

    private static HttpResponse<String> send(final HttpRequest.Builder request, final String... headers)
        throws IOException, InterruptedException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Client.HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client trusting exactly {@code trust} (hostname verification on, as always in the JDK client). */
    static HttpClient client(final SSLContext trust) {
        return HttpClient.newBuilder().sslContext(trust).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Built on first use, once the network is up. */
    private static final class Client {
        private static final HttpClient HTTP = client(GatewayTrust.gateways());
    }
}
