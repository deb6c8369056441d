package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls to a gateway for the end-to-end tests; a write waits for its commit, hence the long timeout. */
final class GatewayHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayHttp() {
    }

    static HttpResponse<String> get(final URI gateway, final String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON; {@code headers} are name, value pairs (e.g. the Idempotency-Key). */
    static HttpResponse<String> post(final URI gateway, final String path, final String json, final String... headers)
        throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
