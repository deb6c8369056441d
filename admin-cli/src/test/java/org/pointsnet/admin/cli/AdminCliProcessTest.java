package org.pointsnet.admin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.AdminCli;
import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

import picocli.CommandLine;

/**
 * The CLI as a separate JVM (its real main and System.exit): exit codes and stderr of the ledger commands without a
 * network. The E2E (gateway-client SettlementEndToEndIT) runs the built jar against the live network.
 */
class AdminCliProcessTest {

    private static final Path SPEC = Path.of("..", "crypto-config", "network.yaml");

    /** Exit code, stdout and stderr of one process. */
    private record Result(int exitCode, String out, String err) {
    }

    private static Result admin(String... args) throws IOException, InterruptedException {
        return admin(Map.of(), args);
    }

    private static Result admin(Map<String, String> env, String... args) throws IOException, InterruptedException {
        // C1 only and the serial collector: these short runs start faster, with the same behaviour.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            "org.pointsnet.admin.AdminCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "admin-cli did not finish");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
            StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsAreExitTwoWithOneLine() throws Exception {
        Result missing = admin("settlement", "confirm", "--org", "platform-a", "--period", "2026-11-29");
        assertEquals(ErrorReporter.USAGE, missing.exitCode(), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("--counterparty"), missing.err());
        Result badCategory = admin("rules", "set-categories", "--org", "platform-a", "--category", "flights");
        assertEquals(ErrorReporter.USAGE, badCategory.exitCode(), badCategory.err());
        assertEquals(1, badCategory.err().lines().count(), badCategory.err());
        Result badExpiry = admin("rules", "set-expiry", "--org", "platform-a", "--period-seconds", "soon");
        assertEquals(ErrorReporter.USAGE, badExpiry.exitCode(), badExpiry.err());
        assertTrue(badExpiry.err().contains("--period-seconds"), badExpiry.err());
        Result expiryHelp = admin("rules", "set-expiry", "--help");
        assertEquals(0, expiryHelp.exitCode(), expiryHelp.err());
        assertTrue(expiryHelp.out().contains("expiry:SetRule"), expiryHelp.out());
        Result help = admin("settlement", "report", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--period"), help.out());
    }

    @Test
    void anUnreachablePeerIsExitFourWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path crypto = dir.resolve("crypto");
        Result generated = admin("crypto", "generate", "--spec", SPEC.toString(), "--out", crypto.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        PlatformOrgSpec org = NetworkSpec.load(SPEC).platformOrgs().get(0);
        Path orgDir = new CryptoLayout(crypto).peerOrg(org);
        Path operator = CryptoLayout.userDir(orgDir, "Operator", org.domain());
        Path env = dir.resolve("a.env");
        Files.writeString(env, String.join("\n", "POINTSNET_FABRIC_MSPID='" + org.mspId() + "'",
            // Nothing listens on port 1.
            "POINTSNET_FABRIC_PEERENDPOINT='127.0.0.1:1'", "POINTSNET_FABRIC_PEERHOSTOVERRIDE='peer0." + org.domain() + "'",
            "POINTSNET_FABRIC_TLSCACERT='" + CryptoLayout.tlsCaCert(orgDir, org.domain()) + "'",
            "POINTSNET_FABRIC_ADMINCERTPATH='" + CryptoLayout.signCert(operator) + "'",
            "POINTSNET_FABRIC_ADMINKEYPATH='" + CryptoLayout.keystoreKey(operator) + "'",
            "POINTSNET_FABRIC_CHANNEL='points'", "POINTSNET_FABRIC_CHAINCODE='points'", ""));
        Result list = admin("platform", "list", "--org", org.platformId(), "--env-file", env.toString());
        assertEquals(ErrorReporter.UNAVAILABLE, list.exitCode(), list.err());
        assertTrue(list.err().contains("admin-cli: error: platform:List failed: UNAVAILABLE"), list.err());
        assertFalse(list.err().contains("\tat "), list.err());
    }

    @Test
    void aConsenterChangeWithBadArgumentsIsExitTwoAndWithoutOrderersExitFour(@TempDir Path dir) throws Exception {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime);
        Files.writeString(runtime.resolve("orderer-org-admin.env"), "CORE_PEER_LOCALMSPID='OrdererMSP'\n");
        // Nothing listens on port 1.
        Files.writeString(runtime.resolve("orderer-admin.env"), "PN_ORDERER_ADDRESSES=('127.0.0.1:1')\n"
            + "PN_ORDERER_TLS_CA='/none'\n");
        String out = dir.resolve("update.pb").toString();
        List<String> update = List.of("config", "update", "--spec", SPEC.toString(), "--runtime", runtime.toString(),
            "--as", "orderer", "--out", out);
        // The bad arguments one by one: AdminCliTest; here the real main's exit code for one of them.
        List<String> both = new ArrayList<>(update);
        both.addAll(List.of("--remove-consenter", "orderer2", "--add-consenter", "orderer2"));
        Result usage = admin(both.toArray(String[]::new));
        assertEquals(ErrorReporter.USAGE, usage.exitCode(), usage.err());
        assertTrue(usage.err().startsWith("admin-cli: one consenter change per update")
            && usage.err().lines().count() == 1, usage.err());
        assertFalse(Files.exists(Path.of(out)), "no command wrote an update");

        // Arguments that are right, but no orderer answers: exit 4. A stand-in for Fabric's peer CLI says so.
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("peer"), "#!/usr/bin/env bash\n"
            + "echo 'Error: failed to create new connection: connection refused' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bin.resolve("peer"), PosixFilePermissions.fromString("rwx------"));
        List<String> args = new ArrayList<>(update);
        args.addAll(List.of("--remove-consenter", "orderer2"));
        Result unreachable = admin(Map.of("FABRIC_BIN", bin.toString()), args.toArray(String[]::new));
        assertEquals(ErrorReporter.UNAVAILABLE, unreachable.exitCode(), unreachable.out() + unreachable.err());
        assertTrue(unreachable.err().startsWith("admin-cli: error: no orderer could serve 'points' now (1 tried)")
            && unreachable.err().contains("connection refused"), unreachable.err());
        assertFalse(unreachable.err().contains("\tat "), unreachable.err());
    }

    /** Every command of the tree (leaf commands), as its words after {@code admin-cli}. */
    private static List<List<String>> leafCommands(CommandLine command, List<String> path) {
        List<List<String>> leaves = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!"help".equals(name)) {
                List<String> words = new ArrayList<>(path);
                words.add(name);
                leaves.addAll(sub.getSubcommands().isEmpty() ? List.of(words) : leafCommands(sub, words));
            }
        });
        return leaves;
    }

    @Test
    void everyCommandRunInItsOwnJvmRefusesBadArgumentsWithExitTwoAndOneLine() throws Exception {
        List<List<String>> commands = leafCommands(AdminCli.commandLine(), List.of());
        assertTrue(commands.size() >= 25 && commands.contains(List.of("config", "update"))
            && commands.contains(List.of("reconcile")), commands.toString());
        for (List<String> words : commands) {
            List<String> args = new ArrayList<>(words);
            args.add("--no-such-option");
            Result result = admin(args.toArray(String[]::new));
            String name = "admin-cli " + String.join(" ", words);
            assertEquals(ErrorReporter.USAGE, result.exitCode(), name + ": " + result.err());
            assertEquals(1, result.err().lines().count(), name + ": " + result.err());
            // picocli names a missing required option first, else the unknown one; either way the command's help.
            assertTrue((result.err().startsWith("admin-cli: Unknown option: '--no-such-option'")
                || result.err().startsWith("admin-cli: Missing required option"))
                && result.err().contains("(see '" + name + " --help')"), name + ": " + result.err());
            assertEquals("", result.out(), name);
        }
    }
}
