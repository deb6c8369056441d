package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform's load balancer (HAProxy) as its stats socket reports it ({@code show stat}): the health check state of
 * each gateway instance. The socket path is PN_BALANCER_SOCKET of the platform's gateway.env.
 */
final class BalancerStats {

    private final Path socket;

    BalancerStats(final String platform) {
        this.socket = Path.of(LedgerNetwork.readEnv(ApiNetwork.runtime().resolve("platforms").resolve(platform)
            .resolve("gateway.env")).get("PN_BALANCER_SOCKET"));
    }

    /** Each server of backend {@code gateways} and its status (UP, DOWN, "UP 1/2", "no check", ...). */
    Map<String, String> servers() throws IOException {
        final List<String> lines = List.of(command("show stat").split("\n"));
        final List<String> header = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
        final int proxy = header.indexOf("pxname");
        final int server = header.indexOf("svname");
        final int status = header.indexOf("status");
        final Map<String, String> servers = new LinkedHashMap<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] fields = line.split(",", -1);
            if (fields.length > status && "gateways".equals(fields[proxy])
                && !List.of("BACKEND", "FRONTEND").contains(fields[server])) {
                servers.put(fields[server], fields[status]);
            }
        }
        return servers;
    }

    private String command(final String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            final StringBuilder out = new StringBuilder();
            final ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                out.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return out.toString();
        }
    }
}
