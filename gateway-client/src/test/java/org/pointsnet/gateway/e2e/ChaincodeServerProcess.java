package org.pointsnet.gateway.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's chaincode server process as {@code test-network.sh} manages it: started with the org's
 * runtime/platforms/&lt;p&gt;/chaincode.env plus CHAINCODE_ID (its package id), logging to
 * runtime/logs/chaincode-&lt;p&gt;.log, recorded in runtime/pids/chaincode-&lt;p&gt;.pid as "&lt;pid&gt; &lt;start time&gt;"
 * so that {@code down} stops whatever runs there now. Stopping checks the recorded start time first, like the
 * script's is_running, so a pid reused by another process is never signalled.
 */
final class ChaincodeServerProcess {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(60);

    private final Path runtime;
    private final String platformId;

    ChaincodeServerProcess(final Path runtime, final String platformId) {
        this.runtime = runtime;
        this.platformId = platformId;
    }

    /** The process recorded in the pid file, if it is alive and is the one recorded (same start time). */
    Optional<ProcessHandle> recorded() {
        final Path file = pidFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        final String[] fields = read(file).trim().split("\\s+");
        if (fields.length != 2) {
            return Optional.empty();
        }
        final long pid = Long.parseLong(fields[0]);
        return Optional.ofNullable(startTime(pid)).filter(fields[1]::equals)
            .flatMap(started -> ProcessHandle.of(pid));
    }

    /** Stops the recorded process as the script's stop_process does: TERM, up to 10 s, then KILL. */
    void stop() {
        final Optional<ProcessHandle> process = recorded();
        if (process.isEmpty()) {
            return;
        }
        final ProcessHandle handle = process.get();
        handle.destroy();
        if (!awaitExit(handle, STOP_TIMEOUT)) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(5));
        }
        if (running(handle)) {
            throw new IllegalStateException("chaincode server of " + platformId + " (pid " + handle.pid()
                + ") did not stop");
        }
    }

    /**
     * Starts {@code command} with the org's chaincode env file and package id, records it in the pid file and waits
     * until it listens on the org's chaincode address.
     */
    void start(final List<String> command, final String banner) {
        // On the org's host (its network namespace) when the network simulates hosts, as test-network.sh starts it.
        final ProcessBuilder builder = new ProcessBuilder(NodeHosts.onHost(env(), command))
            .directory(runtime.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment());
        final Process process;
        try {
            Files.writeString(logFile(), "--- " + banner + " ---\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the chaincode server of " + platformId + ": " + command, e);
        }
        final String started = startTime(process.pid());
        write(pidFile(), process.pid() + " " + started + "\n");
        awaitListening(process);
    }

    /** The address the org's peer dials (connection.json) and the server listens on. */
    String dialAddress() {
        return env().get("PN_NODE_ADDRESS");
    }

    String packageId() {
        return read(runtime.resolve("platforms").resolve(platformId).resolve("chaincode").resolve("package-id")).trim();
    }

    Path logFile() {
        return runtime.resolve("logs").resolve("chaincode-" + platformId + ".log");
    }

    private Map<String, String> environment() {
        final Map<String, String> env = new LinkedHashMap<>(env());
        env.put("CHAINCODE_ID", packageId());
        return env;
    }

    private Map<String, String> env() {
        return LedgerNetwork.readEnv(runtime.resolve("platforms").resolve(platformId).resolve("chaincode.env"));
    }

    private Path pidFile() {
        return runtime.resolve("pids").resolve("chaincode-" + platformId + ".pid");
    }

    private void awaitListening(final Process process) {
        final String address = dialAddress();
        final int colon = address.lastIndexOf(':');
        final InetSocketAddress socket = new InetSocketAddress(address.substring(0, colon),
            Integer.parseInt(address.substring(colon + 1)));
        final long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chaincode server of " + platformId + " exited with "
                    + process.exitValue() + " before listening on " + address + "; log tail:\n" + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(socket, 500);
                return;
            } catch (IOException notYet) {
                sleep(250);
            }
        }
        throw new IllegalStateException("chaincode server of " + platformId + " does not listen on " + address
            + " after " + LISTEN_TIMEOUT.toSeconds() + " s; log tail:\n" + logTail());
    }

    String logTail() {
        try {
            final List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Field 22 of /proc/PID/stat (start time in clock ticks), as the script's {@code awk '{print $22}'} reads it;
     * null when the process is gone or a zombie (state Z), which the script does not count as running either.
     */
    private static String startTime(final long pid) {
        final String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return null;
        }
        // After "pid (comm) ": field 3 (state) onwards; comm may hold spaces, so split after its closing parenthesis.
        final String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return "Z".equals(rest[0]) ? null : rest[22 - 3];
    }

    private static boolean awaitExit(final ProcessHandle handle, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (running(handle) && System.nanoTime() < deadline) {
            sleep(200);
        }
        return !running(handle);
    }

    /** Alive and not a zombie: an orphan whose reaper is slow stays a zombie, but its port is free already. */
    private static boolean running(final ProcessHandle handle) {
        return handle.isAlive() && startTime(handle.pid()) != null;
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; is the network up?", e);
        }
    }

    private static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
