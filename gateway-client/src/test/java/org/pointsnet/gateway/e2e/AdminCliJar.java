package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin-cli jar test-network.sh staged, run as an operator would (umask 077, Fabric's tools on PATH), against the
 * running network; its exit codes are those docs/operations.md documents (0 ok, 1 error, 3 refused).
 */
final class AdminCliJar {

    /** Exit code of a failure of no other kind. */
    static final int FAILURE = 1;
    /** Exit code of a refusal by the ledger, the orderer or the channel's policy. */
    static final int REFUSED = 3;

    /** One run: exit code, stdout, stderr. */
    record Run(int exitCode, String out, String err) {
    }

    private final Path root;
    private final Path jar;
    private final String fabricBin;
    /** The spec test-network.sh brought the network up from. */
    final String spec;
    /** The network's runtime folder (every org's admin material on this one machine). */
    final String runtime;

    AdminCliJar() throws Exception {
        final Path runtimeDir = ApiNetwork.runtime();
        this.root = runtimeDir.getParent();
        this.jar = runtimeDir.resolve("jars/admin-cli.jar");
        // runtime/spec: the spec `up` used (POINTSNET_SPEC may have named another than the repository's default).
        final Path used = runtimeDir.resolve("spec");
        this.spec = Files.isRegularFile(used) ? Files.readString(used, StandardCharsets.UTF_8).strip()
            : root.resolve("crypto-config/network.yaml").toString();
        this.runtime = runtimeDir.toString();
        this.fabricBin = Files.readString(runtimeDir.resolve("fabric-bin"), StandardCharsets.UTF_8).strip();
    }

    /** Runs the jar; fails on a hang or a stack trace. */
    Run run(final String... args) throws Exception {
        // As test-network.sh runs it: umask 077, so what it writes under runtime/ is owner-only (check-runtime.sh);
        // a short-lived JVM (C1 only, serial GC) starts and finishes sooner.
        final List<String> command = new ArrayList<>(List.of("bash", "-c",
            "umask 077 && exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar \"$0\" \"$@\"", jar.toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("PATH", fabricBin + ":" + System.getenv("PATH"));
        final Path err = Files.createTempFile("admin-cli", ".err");
        builder.redirectError(err.toFile());
        final Process process = builder.start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "admin-cli " + String.join(" ", args) + " hung");
        final String errors = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        assertFalse(errors.contains("\tat "), "a stack trace: " + errors);
        return new Run(process.exitValue(), out, errors);
    }

    /** Exit code 0. */
    Run ok(final String... args) throws Exception {
        final Run run = run(args);
        assertEquals(0, run.exitCode(), "admin-cli " + String.join(" ", args) + ": " + run.out() + run.err());
        return run;
    }

    /** Exit code {@code exitCode} with one "admin-cli: error:" line. */
    Run fails(final int exitCode, final String... args) throws Exception {
        final Run run = run(args);
        assertEquals(exitCode, run.exitCode(), "admin-cli " + String.join(" ", args) + ": " + run.out() + run.err());
        assertTrue(run.err().startsWith("admin-cli: error: ") && run.err().lines().count() == 1, run.err());
        return run;
    }
}
