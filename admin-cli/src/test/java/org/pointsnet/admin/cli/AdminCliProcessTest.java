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
import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), "org.pointsnet.admin.AdminCli"));
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
    void consenterChangesRefuseBadArgumentsAndUnreachableOrderersAreExitFour(@TempDir Path dir) throws Exception {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime);
        Files.writeString(runtime.resolve("orderer-org-admin.env"), "CORE_PEER_LOCALMSPID='OrdererMSP'\n");
        // Nothing listens on port 1.
        Files.writeString(runtime.resolve("orderer-admin.env"), "PN_ORDERER_ADDRESSES=('127.0.0.1:1')\n"
            + "PN_ORDERER_TLS_CA='/none'\n");
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        String out = dir.resolve("update.pb").toString();
        List<String> update = List.of("config", "update", "--spec", SPEC.toString(), "--runtime", runtime.toString(),
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
            Result result = admin(args.toArray(String[]::new));
            assertEquals(bad[1], result.exitCode(), options + ": " + result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("admin-cli: ") && result.err().contains((String) bad[2]),
                options + ": " + result.err());
            assertFalse(result.err().contains("\tat "), result.err());
        }
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
}
