package org.pointsnet.admin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.AdminCli;

import picocli.CommandLine;

class AdminCliTest {

    private static final String SPEC = Path.of("..", "crypto-config", "network.yaml").toString();

    /** Exit code, stdout and stderr of one run. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = AdminCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void generatesThenKeeps(@TempDir Path dir) {
        String outDir = dir.resolve("crypto").toString();
        Run first = run("crypto", "generate", "--spec", SPEC, "--out", outDir);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("generated PlatformA: ca, tlsca, peer0, peer1, Admin, User1, Operator, chaincode, gateway\n"),
                first.out());
        assertEquals("", first.err());

        Run second = run("crypto", "generate", "--spec", SPEC, "--out", outDir);
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(4, second.out().lines().filter(line -> line.startsWith("kept ")).count(), second.out());

        Run forced = run("crypto", "generate", "--spec", SPEC, "--out", outDir, "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(4, forced.out().lines().filter(line -> line.startsWith("generated ")).count(), forced.out());
    }

    @Test
    void aBadSpecIsOneLineOnStderrAndExitCodeOne(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, Files.readString(Path.of(SPEC)).replace("platformId: platform-b", "platformId: B"));
        Run run = run("crypto", "generate", "--spec", spec.toString(), "--out", dir.resolve("crypto").toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(spec.toString()) && run.err().contains("platformOrgs[1].platformId"), run.err());
        assertFalse(Files.exists(dir.resolve("crypto")), "nothing generated from an invalid spec");
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path dir) {
        String missing = dir.resolve("missing.yaml").toString();
        Run quiet = run("crypto", "generate", "--spec", missing, "--out", dir.toString());
        assertEquals(1, quiet.exitCode());
        assertFalse(quiet.err().contains("\tat "), quiet.err());

        Run verbose = run("crypto", "generate", "--verbose", "--spec", missing, "--out", dir.toString());
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.err().contains("\tat org.pointsnet.admin."), verbose.err());

        Run topLevel = run("--verbose", "crypto", "generate", "--spec", missing, "--out", dir.toString());
        assertTrue(topLevel.err().contains("\tat org.pointsnet.admin."), topLevel.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (String[] args : new String[][] {{}, {"crypto"}, {"crypto", "gen"}, {"crypto", "generate", "--spec", SPEC},
                {"nonsense"}}) {
            Run run = run(args);
            assertEquals(ErrorReporter.USAGE, run.exitCode(), String.join(" ", args));
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("admin-cli: "), run.err());
        }
        assertTrue(run("crypto", "gen").err().contains("did you mean generate"));
        assertTrue(run("crypto", "generate", "--spec", SPEC).err().contains("--out"));
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("crypto"), help.out());
        Run generateHelp = run("crypto", "generate", "--help");
        assertTrue(generateHelp.out().contains("--spec=<file>") && generateHelp.out().contains("--force"), generateHelp.out());
    }

    @Test
    void channelCommandsRefuseBadArgumentsWithOneLineAndAMeaningfulExitCode(@TempDir Path dir) throws IOException {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime.resolve("platforms/platform-a"));
        Files.writeString(runtime.resolve("platforms/platform-a/admin.env"), "CORE_PEER_LOCALMSPID='PlatformAMSP'\n");
        Files.writeString(runtime.resolve("orderer-admin.env"), "PN_ORDERER_ADDRESSES=('127.0.0.1:7050')\n");
        String missing = dir.resolve("missing.pb").toString();
        String[][] cases = {
            {"config", "sign", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-a", "--in", missing},
            {"config", "submit", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-a", "--in", missing},
            {"config", "sign", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-z", "--in", missing},
            {"config", "update", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "orderer",
                "--batch-timeout", "soon", "--out", missing},
            {"config", "update", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "orderer", "--out", missing},
            {"org", "create", "--spec", SPEC, "--org", "platform-a", "--repo", "..", "--runtime", runtime.toString()},
            {"org", "join", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-a", "--org", "platform-d",
                "--out", missing},
            {"config", "submit", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-a"},
            {"org"}, {"config"},
        };
        String[] expected = {
            "missing.pb: no such config update file",
            "missing.pb: no such config update file",
            "no admin identity for 'platform-z'",
            "--batch-timeout 'soon' is not a duration",
            "nothing to change",
            "'platform-a' is not a joining org of the spec (it is a member of the channel already)",
            "no org definition in",
            "Missing required option: '--in=<file>'",
            "missing command (create, join)",
            "missing command (update, sign, submit)",
        };
        // 2: usage errors (picocli's, and an update with nothing to change); 1: everything else.
        int[] exitCodes = {1, 1, 1, 1, ErrorReporter.USAGE, 1, 1, ErrorReporter.USAGE, ErrorReporter.USAGE,
            ErrorReporter.USAGE};
        for (int i = 0; i < cases.length; i++) {
            Run run = run(cases[i]);
            assertEquals(exitCodes[i], run.exitCode(), String.join(" ", cases[i]));
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("admin-cli: ") && run.err().contains(expected[i]), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
        assertTrue(run("config", "sign", "--spec", SPEC, "--runtime", runtime.toString(), "--as", "platform-z", "--in",
            missing).err().contains("known: platform-a"));
        assertFalse(Files.exists(Path.of(missing)), "no command wrote anything");
    }

    @Test
    void helpDescribesTheChannelCommands() {
        assertTrue(run("--help").out().contains("org") && run("--help").out().contains("config"));
        for (String[] command : new String[][] {{"org", "create"}, {"org", "join"}, {"config", "update"},
                {"config", "sign"}, {"config", "submit"}}) {
            Run help = run(command[0], command[1], "--help");
            assertEquals(0, help.exitCode(), String.join(" ", command));
            assertTrue(help.out().contains("--spec=<file>"), help.out());
        }
    }

    @Test
    void consenterChangesRefuseBadArgumentsBeforeFetchingAnything(@TempDir Path dir) throws IOException {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        String out = dir.resolve("update.pb").toString();
        List<String> update = List.of("config", "update", "--spec", SPEC, "--runtime", runtime.toString(),
            "--as", "orderer", "--out", out);
        Object[][] cases = {
            {List.of("--remove-consenter", "orderer2", "--add-consenter", "orderer2"), ErrorReporter.USAGE,
                "one consenter change per update"},
            {List.of("--remove-consenter", "orderer9"), ErrorReporter.USAGE,
                "'orderer9' is no orderer of the spec (known: orderer0, orderer1, orderer2) and no host:port"},
            {List.of("--batch-timeout", "1s", "--consenter-tls-cert", key.toString()), ErrorReporter.USAGE,
                "--consenter-tls-cert belongs to --add-consenter"},
            {List.of("--add-consenter", "10.0.0.5:7080"), ErrorReporter.USAGE,
                "give its TLS certificate with --consenter-tls-cert"},
            {List.of("--add-consenter", "10.0.0.5:99999"), ErrorReporter.USAGE, "'10.0.0.5:99999' is not host:port"},
            {List.of("--add-consenter", "orderer2"), ErrorReporter.FAILURE, "server.crt: no such TLS certificate file"},
            {List.of("--add-consenter", "10.0.0.5:7080", "--consenter-tls-cert", key.toString()),
                ErrorReporter.FAILURE, "key.pem is not a PEM certificate"},
        };
        for (Object[] bad : cases) {
            List<String> args = new ArrayList<>(update);
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) bad[0];
            args.addAll(options);
            Run result = run(args.toArray(String[]::new));
            assertEquals(bad[1], result.exitCode(), options + ": " + result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("admin-cli: ") && result.err().contains((String) bad[2]),
                options + ": " + result.err());
            assertFalse(result.err().contains("\tat "), result.err());
        }
        assertFalse(Files.exists(Path.of(out)), "no command wrote an update");
    }
}
