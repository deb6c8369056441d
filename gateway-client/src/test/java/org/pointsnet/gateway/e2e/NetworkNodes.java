package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's nodes as the fault tests handle them: every stop and start goes through {@code test-network.sh} (its
 * {@code stop}, {@code start}, {@code restart} commands), so the script an operator uses is what is tested; a crash
 * is {@code kill -9} of the pid the script recorded.
 */
final class NetworkNodes {

    /** Longest a whole-network {@code start} or {@code stop} may take on a loaded 2-core machine. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private NetworkNodes() {
    }

    /** {@code test-network.sh ARGS…}; fails unless it exits 0 in time; prints its output; returns how long it took. */
    static Duration script(final String... args) throws IOException, InterruptedException {
        final long started = System.nanoTime();
        final String out = NetworkStatus.runScript(SCRIPT_TIMEOUT_SECONDS, args);
        final Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("--- ./test-network.sh %s (%d ms) ---%n%s", String.join(" ", args), took.toMillis(), out);
        return took;
    }

    /** {@code test-network.sh status --json}. */
    static JsonNode status() throws IOException, InterruptedException {
        return JsonMapper.shared().readTree(NetworkStatus.runScript(60, "status", "--json"));
    }

    /** The status entry of every node, by name. */
    static Map<String, JsonNode> nodes() throws IOException, InterruptedException {
        final Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (final JsonNode node : status().path("nodes")) {
            nodes.put(node.path("name").asString(), node);
        }
        return nodes;
    }

    /** Names of the nodes of one kind (orderer, peer, chaincode, database, gateway) as status lists them. */
    static List<String> names(final String kind) throws IOException, InterruptedException {
        final List<String> names = new ArrayList<>();
        nodes().forEach((name, node) -> {
            if (kind.equals(node.path("kind").asString())) {
                names.add(name);
            }
        });
        return names;
    }

    /** The orderer that leads the channel's Raft cluster now, as status reports it. */
    static Optional<String> raftLeader() throws IOException, InterruptedException {
        return nodes().values().stream().filter(node -> node.path("raftLeader").asBoolean(false))
            .map(node -> node.path("name").asString()).findFirst();
    }

    /**
     * Polls status until an orderer other than {@code previous} leads, or {@code timeout} passed; returns it, or
     * empty.
     */
    static Optional<String> awaitNewLeader(final String previous, final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            final Optional<String> leader = raftLeader();
            if (leader.isPresent() && !leader.get().equals(previous)) {
                return leader;
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }

    /** Whether status reports the node's process running and answering. */
    static boolean answers(final String name) throws IOException, InterruptedException {
        final JsonNode node = nodes().get(name);
        return node != null && node.path("running").asBoolean(false) && node.path("answers").asBoolean(false);
    }

    /** The pid test-network.sh recorded for the node (runtime/pids/NAME.pid: "pid start-time"). */
    static long pid(final String name) throws IOException {
        final Path file = ApiNetwork.runtime().resolve("pids").resolve(name + ".pid");
        return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
    }

    /** {@code kill -9} the node's recorded process and waits until it is gone; returns the pid. */
    static long kill9(final String name) throws IOException, InterruptedException {
        final long pid = pid(name);
        final ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        assertTrue(process != null && process.isAlive(), name + " (pid " + pid + ") is not running");
        final Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && kill.exitValue() == 0,
            "kill -9 " + pid + " failed");
        final long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (process.isAlive() && !zombie(pid)) {
            if (System.nanoTime() > deadline) {
                fail(name + " (pid " + pid + ") still alive " + KILL_TIMEOUT.toSeconds() + " s after kill -9");
            }
            Thread.sleep(50);
        }
        System.out.printf("kill -9 %s (pid %d)%n", name, pid);
        return pid;
    }

    /** A killed process whose parent has not reaped it yet: dead, its ports closed. */
    private static boolean zombie(final long pid) {
        try {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    /** Brings every node back ({@code start} is a no-op on a network that is fully up): the tests' cleanup. */
    static void startEverything() throws IOException, InterruptedException {
        script("start");
    }
}
