package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live network as {@code test-network.sh status --json} describes it, for the end-to-end tests. */
final class NetworkStatus {

    private NetworkStatus() {
    }

    /**
     * A gateway as {@code status --json} lists it: its https base URL, the CA certificate (PEM) that verifies it, and
     * the platform back end's demo client.
     */
    record Gateway(URI url, Path caCert, String clientId, String clientSecret) {
    }

    /** Base URLs of the platforms' gateways; fails the test unless every one of them answers. */
    static Map<String, URI> answeringGateways(final List<String> platforms) throws IOException, InterruptedException {
        final Map<String, URI> urls = new LinkedHashMap<>();
        answeringGatewayClients(platforms).forEach((platform, gateway) -> urls.put(platform, gateway.url()));
        return Map.copyOf(urls);
    }

    /** The platforms' gateways with their client credentials; fails the test unless every one of them answers. */
    static Map<String, Gateway> answeringGatewayClients(final List<String> platforms)
        throws IOException, InterruptedException {
        final JsonNode status = status();
        final Map<String, Gateway> found = new LinkedHashMap<>();
        for (final String platform : platforms) {
            final JsonNode gateway = status.path("gateways").path(platform);
            assertFalse(gateway.isMissingNode(), "status --json lists no gateway of " + platform + ": " + status);
            assertTrue(gateway.path("answers").asBoolean(false),
                "gateway of " + platform + " does not answer; is the network up? " + status);
            found.put(platform, new Gateway(URI.create(gateway.path("url").asString()), caCert(gateway),
                gateway.path("clientId").asString(), gateway.path("clientSecret").asString()));
        }
        return Map.copyOf(found);
    }

    /** The CA certificate of every gateway {@code status --json} lists, running or not. */
    static List<Path> gatewayCaCerts() throws IOException, InterruptedException {
        final List<Path> caCerts = new ArrayList<>();
        for (final JsonNode gateway : status().path("gateways")) {
            caCerts.add(caCert(gateway));
        }
        return List.copyOf(caCerts);
    }

    private static Path caCert(final JsonNode gateway) {
        final Path caCert = Path.of(gateway.path("caCert").asString(""));
        assertTrue(gateway.path("url").asString("").startsWith("https://") && Files.isRegularFile(caCert),
            "status --json must give an https url and the caCert file that verifies it: " + gateway);
        return caCert;
    }

    private static JsonNode status() throws IOException, InterruptedException {
        final String root = System.getProperty("pointsnet.root");
        assertNotNull(root, "system property pointsnet.root (the repository root) is not set");
        final Path script = findScript(Path.of(root).toAbsolutePath());
        final JsonNode status = JsonMapper.shared().readTree(run(script, 60, "status", "--json"));
        assertFalse("down".equals(status.path("state").asString()),
            "the network is down; bring it up with ./test-network.sh up (status: " + status + ")");
        return status;
    }

    /**
     * {@code <root>/test-network.sh}, or the nearest one above {@code root}: with {@code mvn -f gateway-client/pom.xml}
     * Maven sets maven.multiModuleProjectDirectory to the module, not the repository root.
     */
    private static Path findScript(final Path root) {
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            final Path script = dir.resolve("test-network.sh");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        return fail("no executable test-network.sh in " + root + " or above it (system property pointsnet.root)");
    }

    /**
     * Runs {@code test-network.sh} with {@code args} (e.g. channel create NAME) and returns its standard output;
     * fails with its output if it fails or takes longer than {@code timeoutSeconds}.
     */
    static String runScript(final long timeoutSeconds, final String... args) throws IOException, InterruptedException {
        final String root = System.getProperty("pointsnet.root");
        assertNotNull(root, "system property pointsnet.root (the repository root) is not set");
        return run(findScript(Path.of(root).toAbsolutePath()), timeoutSeconds, args);
    }

    /** Runs the network script and returns its standard output; fails with its output if it fails. */
    private static String run(final Path script, final long timeoutSeconds, final String... args)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).directory(script.getParent().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
        }
        assertEquals(0, process.exitValue(), script + " " + String.join(" ", args) + " failed: " + out);
        return out;
    }
}
