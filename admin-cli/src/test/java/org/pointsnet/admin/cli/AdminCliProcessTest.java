package org.pointsnet.admin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), "org.pointsnet.admin.AdminCli"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
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
}
