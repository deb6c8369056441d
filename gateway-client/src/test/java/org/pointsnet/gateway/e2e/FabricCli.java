package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fabric's own command-line tools (peer, configtxlator) against the live network, as the org admins of
 * {@code test-network.sh} (its {@code as_admin}: the environment of runtime/platforms/&lt;id&gt;/admin.env). The tools
 * come from the folder {@code scripts/install-fabric.sh} prints, the one {@code up} puts on PATH. For tests that act
 * as a member org's administrator would: lifecycle and channel configuration updates.
 */
final class FabricCli {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final long TIMEOUT_SECONDS = 120;

    /** What a tool printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** Both streams, for assertions about refusals and for failure messages. */
        String output() {
            return stdout + stderr;
        }
    }

    private final Path runtime;
    private final Path binDir;
    private final Path work;
    private final Map<String, String> network = new HashMap<>();
    private final List<String> ordererAddresses;

    private FabricCli(final Path root, final Path binDir, final Path work) {
        this.runtime = root.resolve("runtime");
        this.binDir = binDir;
        this.work = work;
        network.putAll(readEnv(runtime.resolve("network.env")));
        network.putAll(readEnv(runtime.resolve("orderer-admin.env")));
        ordererAddresses = readArray(runtime.resolve("orderer-admin.env"), "PN_ORDERER_ADDRESSES");
    }

    /** The tools of the live network; {@code work} holds the files they read and write. */
    static FabricCli find(final Path work) throws IOException, InterruptedException {
        final Path root = Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("runtime/network.env")),
            "no " + root.resolve("runtime/network.env") + "; bring the network up with ./test-network.sh up");
        final Result install = run(root, Map.of(), List.of(root.resolve("scripts/install-fabric.sh").toString()));
        assertEquals(0, install.exitCode(), "scripts/install-fabric.sh found no Fabric binaries: " + install.output());
        final List<String> lines = install.stdout().strip().lines().toList();
        final Path binDir = Path.of(lines.get(lines.size() - 1));
        assertTrue(Files.isExecutable(binDir.resolve("peer")), "no peer in " + binDir);
        return new FabricCli(root, binDir, work);
    }

    Path work() {
        return work;
    }

    /** A value of runtime/network.env or runtime/orderer-admin.env, e.g. PN_CHANNEL. */
    String network(final String name) {
        final String value = network.get(name);
        assertTrue(value != null && !value.isEmpty(), name + " is not in runtime/network.env or orderer-admin.env");
        return value;
    }

    String channel() {
        return network("PN_CHANNEL");
    }

    /**
     * {@code -o <orderer> --tls --cafile <orderer TLS CA>}, as test-network.sh passes them: the first orderer of
     * PN_ORDERER_ADDRESSES that accepts a connection (a fault test may have killed orderer0), else the first.
     */
    List<String> ordererArgs() {
        return List.of("-o", liveOrderer(), "--tls", "--cafile", network("PN_ORDERER_TLS_CA"));
    }

    private String liveOrderer() {
        for (final String address : ordererAddresses) {
            final int colon = address.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 1000);
                return address;
            } catch (IOException | RuntimeException refused) {
                // try the next one
            }
        }
        return network("PN_ORDERER_ADDRESS");
    }

    /** {@code --peerAddresses} and {@code --tlsRootCertFiles} of the platform's peer. */
    List<String> peerArgs(final String platformId) {
        final Map<String, String> admin = adminEnv(platformId);
        return List.of("--peerAddresses", admin.get("CORE_PEER_ADDRESS"),
            "--tlsRootCertFiles", admin.get("CORE_PEER_TLS_ROOTCERT_FILE"));
    }

    /** The package id the platform installed and approved at {@code up}. */
    String packageId(final String platformId) throws IOException {
        return Files.readString(runtime.resolve("platforms").resolve(platformId).resolve("chaincode/package-id"),
            StandardCharsets.US_ASCII).strip();
    }

    /** Runs a peer CLI command as the platform org's admin, against the platform's own peer. */
    Result asAdmin(final String platformId, final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(binDir.resolve(args[0]).toString());
        command.addAll(List.of(args).subList(1, args.length));
        return run(work, withTools(adminEnv(platformId)), command);
    }

    /** Like {@link #asAdmin} but fails the test unless the command succeeds; returns its standard output. */
    String asAdminOk(final String platformId, final String... args) throws IOException, InterruptedException {
        final Result result = asAdmin(platformId, args);
        assertEquals(0, result.exitCode(), platformId + "'s admin: " + String.join(" ", args) + "\n" + result.output());
        return result.stdout();
    }

    /** configtxlator with these arguments; fails the test unless it succeeds; returns its standard output. */
    String configtxlator(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(binDir.resolve("configtxlator").toString());
        command.addAll(List.of(args));
        final Result result = run(work, withTools(Map.of()), command);
        assertEquals(0, result.exitCode(), "configtxlator " + String.join(" ", args) + "\n" + result.output());
        return result.stdout();
    }

    /** The channel's current configuration (common.Config as JSON), from the orderer, fetched by the platform's admin. */
    JsonNode fetchConfig(final String platformId) throws IOException, InterruptedException {
        final Path block = work.resolve("config-" + System.nanoTime() + ".pb");
        final List<String> args = new ArrayList<>(List.of("peer", "channel", "fetch", "config", block.toString(),
            "-c", channel()));
        args.addAll(ordererArgs());
        asAdminOk(platformId, args.toArray(String[]::new));
        final JsonNode decoded = JSON.readTree(configtxlator("proto_decode", "--input", block.toString(),
            "--type", "common.Block"));
        return decoded.path("data").path("data").path(0).path("payload").path("data").path("config");
    }

    /**
     * The envelope (no signatures yet) of the config update that turns {@code original} into {@code updated} (both
     * common.Config as JSON), built the way Fabric's documentation does: encode both, compute_update, wrap it.
     */
    Path configUpdateEnvelope(final JsonNode original, final JsonNode updated, final String name)
        throws IOException, InterruptedException {
        final Path originalPb = encode(original, "common.Config", name + "-original");
        final Path updatedPb = encode(updated, "common.Config", name + "-updated");
        final Path updatePb = work.resolve(name + "-update.pb");
        configtxlator("compute_update", "--channel_id", channel(), "--original", originalPb.toString(),
            "--updated", updatedPb.toString(), "--output", updatePb.toString());
        final JsonNode update = JSON.readTree(configtxlator("proto_decode", "--input", updatePb.toString(),
            "--type", "common.ConfigUpdate"));
        final ObjectNode envelope = JSON.createObjectNode();
        final ObjectNode payload = envelope.putObject("payload");
        payload.putObject("header").putObject("channel_header").put("channel_id", channel()).put("type", 2);
        payload.putObject("data").set("config_update", update);
        return encode(envelope, "common.Envelope", name + "-envelope");
    }

    private Path encode(final JsonNode json, final String type, final String name)
        throws IOException, InterruptedException {
        final Path in = work.resolve(name + ".json");
        final Path out = work.resolve(name + ".pb");
        Files.writeString(in, JSON.writeValueAsString(json), StandardCharsets.UTF_8);
        configtxlator("proto_encode", "--input", in.toString(), "--type", type, "--output", out.toString());
        return out;
    }

    /** The environment of {@code as_admin}: the rendered admin.env (over this JVM's environment). */
    private Map<String, String> adminEnv(final String platformId) {
        final Map<String, String> env = new LinkedHashMap<>(readEnv(
            runtime.resolve("platforms").resolve(platformId).resolve("admin.env")));
        assertTrue(env.containsKey("CORE_PEER_MSPCONFIGPATH"), "no admin.env of " + platformId);
        return env;
    }

    /** {@code env} with the Fabric tools first on PATH, as test-network.sh has them. */
    private Map<String, String> withTools(final Map<String, String> env) {
        final Map<String, String> with = new LinkedHashMap<>(env);
        with.put("PATH", binDir + ":" + System.getenv("PATH"));
        return with;
    }

    private static Result run(final Path dir, final Map<String, String> extraEnv, final List<String> command)
        throws IOException, InterruptedException {
        final Path out = Files.createTempFile("fabric-cli", ".out");
        final Path err = Files.createTempFile("fabric-cli", ".err");
        try {
            final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(extraEnv);
            final Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** NAME='value' lines of a rendered env file (bash arrays are skipped: nothing here needs them). */
    /** A bash array of an env file, {@code NAME=('a' 'b')}; empty when the file has no such line. */
    private static List<String> readArray(final Path file, final String name) {
        try {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(name + "=(") && line.endsWith(")")) {
                    return Arrays.stream(line.substring(name.length() + 2, line.length() - 1).split(" "))
                        .map(item -> item.replaceAll("^'|'$", "")).filter(item -> !item.isEmpty()).toList();
                }
            }
        } catch (IOException e) {
            fail("cannot read " + file + "; is the network up (./test-network.sh up)?", e);
        }
        return List.of();
    }

    private static Map<String, String> readEnv(final Path file) {
        final Map<String, String> values = new LinkedHashMap<>();
        try {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0 || line.startsWith("(", eq + 1)) {
                    continue;
                }
                values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
            }
        } catch (IOException e) {
            fail("cannot read " + file + "; is the network up (./test-network.sh up)?", e);
        }
        return values;
    }
}
