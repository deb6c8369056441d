package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * README.md's walk-through, run verbatim with bash against the live network (token, two users, issue, quote,
 * convert, balances, history), then checked through the API: the README cannot drift from the code.
 */
@Tag("network")
class WalkthroughEndToEndIT {

    private static final String BEGIN = "<!-- walkthrough:begin -->";
    private static final String END = "<!-- walkthrough:end -->";

    @Test
    void theReadmeWalkthroughRunsAndDoesWhatItSays() throws Exception {
        final Path root = Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize();
        final String script = block(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        // Over HTTPS, verifying the gateway's certificate: every curl names the CA, none switches verification off.
        for (final String line : script.lines().filter(line -> line.contains("curl ")).toList()) {
            assertTrue(line.contains("--cacert \"$CA\""), "a curl of the walk-through does not verify: " + line);
            assertFalse(line.matches(".*(\\s-k\\b|--insecure).*"), line);
        }

        final Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
            script + "\necho \"ALICE=$ALICE\"\necho \"BOB=$BOB\"\necho \"GW=$GW\"\n")
            .directory(root.toFile()).redirectErrorStream(true).start();
        final String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(180, TimeUnit.SECONDS), "the walk-through did not finish: " + output);
        assertEquals(0, bash.exitValue(), "the walk-through failed:\n" + output);

        final Map<String, String> vars = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>(output.lines().toList());
        for (final String line : lines) {
            if (line.startsWith("ALICE=") || line.startsWith("BOB=") || line.startsWith("GW=")) {
                vars.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        final String alice = vars.get("ALICE");
        final String bob = vars.get("BOB");
        assertTrue(alice != null && alice.startsWith(A + ".") && bob != null && bob.startsWith(A + "."), output);
        assertTrue(vars.getOrDefault("GW", "").startsWith("https://"), "the walk-through's gateway URL: " + output);

        final ApiClient a = ApiNetwork.clients().get(A);
        final HttpResponse<String> quote = a.get("/api/v1/quotes?from=" + A + "&to=" + B + "&amount=300");
        final long amountOut = JSON.readTree(quote.body()).path("amountOut").asLong();
        assertTrue(amountOut > 0, quote.body());
        assertEquals(700, ApiNetwork.balanceEventually(a, alice, A, 700), output);
        assertEquals(amountOut, ApiNetwork.balanceEventually(a, bob, B, amountOut), output);

        final List<String> types = new ArrayList<>();
        for (final JsonNode receipt : JSON.readTree(a.get("/api/v1/users/" + alice + "/history").body())
            .path("receipts")) {
            types.add(receipt.path("type").asString());
        }
        assertTrue(types.contains("ISSUE") && types.contains("CONVERT"), types.toString());
        assertTrue(output.contains("\"status\":\"COMMITTED\""), output);
    }

    private static String block(final String readme) {
        final int begin = readme.indexOf(BEGIN);
        final int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no walk-through block");
        final String section = readme.substring(begin + BEGIN.length(), end);
        final int open = section.indexOf("```sh");
        final int close = section.lastIndexOf("```");
        assertTrue(open >= 0 && close > open, "the walk-through block has no ```sh fence");
        return section.substring(section.indexOf('\n', open) + 1, close);
    }
}
