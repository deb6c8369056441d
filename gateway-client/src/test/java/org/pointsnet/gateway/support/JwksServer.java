package org.pointsnet.gateway.support;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Serves the public half of a key as a JWKS on loopback, as an identity provider or a client would publish it. */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;

    private JwksServer(final HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code key}'s public JWK at {@link #url()}. */
    public static JwksServer serving(final ECKey key) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        final byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new JwksServer(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
