package org.pointsnet.gateway.fabric;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the channel's orderers accept a TCP connection from this gateway's host: the orderer endpoints come from the
 * channel configuration (discovery), which the peer's gateway dials to submit. A Raft channel orders only while a
 * majority of its consenters runs, so fewer than a majority reachable means nothing can be committed.
 */
public final class OrdererReachability {

    /** Per endpoint: loopback refuses at once; a remote host that drops packets is not waited on for long. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private OrdererReachability() {
    }

    /** The result for a list of {@code host:port} endpoints. */
    public record Result(List<String> reachable, List<String> unreachable) {

        public Result {
            reachable = List.copyOf(reachable);
            unreachable = List.copyOf(unreachable);
        }

        /** A majority of the listed orderers is reachable (Raft's quorum, assuming every orderer is a consenter). */
        public boolean quorum() {
            final int total = reachable.size() + unreachable.size();
            return total > 0 && reachable.size() > total / 2;
        }
    }

    /** Tries each endpoint once, one after the other. */
    public static Result check(final List<String> endpoints) {
        final List<String> reachable = new ArrayList<>();
        final List<String> unreachable = new ArrayList<>();
        for (final String endpoint : endpoints) {
            (connects(endpoint) ? reachable : unreachable).add(endpoint);
        }
        return new Result(reachable, unreachable);
    }

    static boolean connects(final String endpoint) {
        final int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        final String host = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        final int port;
        try {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
