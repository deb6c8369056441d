package org.pointsnet.admin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
        assertTrue(first.out().contains("generated PlatformA: ca, tlsca, peer0, Admin, User1, Operator, chaincode, gateway\n"),
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
}
