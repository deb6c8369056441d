package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a node's process runs: on its org's own host when the network simulates hosts (PN_NETNS in the node's
 * rendered env file names the org's network namespace), else on this machine as it is. Tests start and inspect
 * node processes through here, so their logic is the same in both modes.
 */
final class NodeHosts {

    private NodeHosts() {
    }

    /** {@code command} as it runs on the host of the node whose env file is {@code env}. */
    static List<String> onHost(final Map<String, String> env, final List<String> command) {
        final String namespace = env.getOrDefault("PN_NETNS", "");
        if (namespace.isEmpty()) {
            return command;
        }
        final List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        inNamespace.addAll(command);
        return inNamespace;
    }

    /**
     * A file of /proc/net (e.g. {@code tcp}) as the node's host sees it: its own network namespace's sockets.
     */
    static List<String> procNet(final Map<String, String> env, final String file) {
        final List<String> command = onHost(env, List.of("cat", "/proc/net/" + file));
        try {
            final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            final String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cannot read /proc/net/" + file + ": " + command);
            }
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
