package org.pointsnet.admin.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Fabric's own tools (peer, configtxlator, configtxgen): the maintained implementations of
 * fetching, encoding, diffing, signing and submitting channel configuration. They come from
 * {@code FABRIC_BIN} when set, else from PATH (test-network.sh puts scripts/install-fabric.sh's folder there).
 */
public final class FabricTools {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binDir;

    /** {@code binDir} may be null: the tools are then looked up on PATH. */
    public FabricTools(Path binDir) {
        this.binDir = binDir;
    }

    /** From the environment: FABRIC_BIN, or PATH. */
    public static FabricTools fromEnvironment() {
        String bin = System.getenv("FABRIC_BIN");
        return new FabricTools(bin == null || bin.isBlank() ? null : Path.of(bin));
    }

    /**
     * Runs {@code tool args...} with these extra environment variables and returns its standard output.
     *
     * @throws ChannelConfigException naming the tool and quoting its error, if it fails or cannot start
     */
    public String run(Map<String, String> env, String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binDir == null ? tool : binDir.resolve(tool).toString());
        command.addAll(List.of(args));
        Path errors = null;
        try {
            errors = Files.createTempFile("admin-cli-" + tool, ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ChannelConfigException(tool + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new ChannelConfigException(tool + " " + args[0] + (args.length > 1 && !args[1].startsWith("-")
                    ? " " + args[1] : "") + " failed: " + lastError(err, new String(out, StandardCharsets.UTF_8)));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot run program")) {
                throw new ChannelConfigException("Fabric's '" + tool + "' was not found"
                    + (binDir == null ? " on PATH" : " in " + binDir)
                    + ": put the folder scripts/install-fabric.sh prints on PATH, or set FABRIC_BIN", e);
            }
            throw new ChannelConfigException(tool + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelConfigException(tool + " was interrupted", e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    /** Fabric's tools put their verdict on the last "Error:" line (log lines before it are noise). */
    static String lastError(String stderr, String stdout) {
        String error = "";
        String lastLine = "";
        for (String line : (stderr + "\n" + stdout).split("\\R")) {
            String text = line.replaceAll("\u001B\\[[0-9;]*m", "").strip();
            int at = text.indexOf("Error: ");
            if (at >= 0) {
                error = text.substring(at + "Error: ".length());
            } else if (text.startsWith("configtxlator: error: ")) {
                error = text.substring("configtxlator: error: ".length());
            } else if (!text.isEmpty()) {
                lastLine = text;
            }
        }
        String message = error.isEmpty() ? lastLine : error;
        return message.isEmpty() ? "(no message)" : message;
    }
}
