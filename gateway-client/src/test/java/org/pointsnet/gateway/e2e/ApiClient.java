package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.gateway.support.OAuthClient;

/**
 * A platform back end calling its gateway's /api/v1 with a client_credentials token, as README shows. A 401 (the
 * gateway restarted and forgot its grants, or the token expired) fetches a new token once and repeats the call.
 */
final class ApiClient {

    private final NetworkStatus.Gateway gateway;
    private final OAuthClient oauth;
    private volatile String token;

    ApiClient(final NetworkStatus.Gateway gateway) {
        this.gateway = gateway;
        this.oauth = new OAuthClient(gateway.url().toString().replaceAll("/$", ""), GatewayTrust.gateways());
    }

    NetworkStatus.Gateway gateway() {
        return gateway;
    }

    OAuthClient oauth() {
        return oauth;
    }

    /** The current back-end token, fetched on first use. */
    String token() throws Exception {
        String current = token;
        if (current == null) {
            current = oauth.token(gateway.clientId(), gateway.clientSecret());
            token = current;
        }
        return current;
    }

    HttpResponse<String> get(final String path) throws Exception {
        return call("GET", path, null, null);
    }

    HttpResponse<String> post(final String path, final String idempotencyKey, final String json) throws Exception {
        return call("POST", path, idempotencyKey, json);
    }

    HttpResponse<String> put(final String path, final String idempotencyKey, final String json) throws Exception {
        return call("PUT", path, idempotencyKey, json);
    }

    private HttpResponse<String> call(final String method, final String path, final String key, final String json)
        throws Exception {
        HttpResponse<String> response = send(method, path, key, json, token());
        if (response.statusCode() == 401) {
            token = null;
            response = send(method, path, key, json, token());
        }
        return response;
    }

    /** One call with exactly the given token (null: none), for the tests of bad tokens. */
    HttpResponse<String> send(final String method, final String path, final String key, final String json,
                              final String bearer) throws IOException, InterruptedException {
        final List<String> headers = new ArrayList<>();
        if (bearer != null) {
            headers.add("Authorization");
            headers.add("Bearer " + bearer);
        }
        if (key != null) {
            headers.add("Idempotency-Key");
            headers.add(key);
        }
        return GatewayHttp.send(gateway.url(), method, path, json, headers.toArray(String[]::new));
    }
}
