package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system) of every node process test-network.sh started, by node name, read from
 * {@code /proc/<pid>/stat} with the pids it records in {@code runtime/pids}; plus this JVM as {@code bench-client}.
 */
final class NodeCpu {

    static final String CLIENT = "bench-client";

    private final Path pids;
    private final long ticksPerSecond;

    NodeCpu(final Path runtime) {
        this.pids = runtime.resolve("pids");
        this.ticksPerSecond = clockTicks();
    }

    /** Milliseconds of CPU each running node has used so far. */
    Map<String, Double> snapshot() throws IOException {
        final Map<String, Double> cpu = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
            for (final Path file : files) {
                final String name = file.getFileName().toString().replaceAll("\\.pid$", "");
                final String[] recorded = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
                final Double ms = cpuMs(Path.of("/proc", recorded[0], "stat"));
                if (ms != null) {
                    cpu.put(name, ms);
                }
            }
        }
        cpu.put(CLIENT, cpuMs(Path.of("/proc/self/stat")));
        return cpu;
    }

    /** {@code after - before} per node present in both. */
    static Map<String, Double> delta(final Map<String, Double> before, final Map<String, Double> after) {
        final Map<String, Double> used = new TreeMap<>();
        after.forEach((node, ms) -> {
            if (before.containsKey(node)) {
                used.put(node, ms - before.get(node));
            }
        });
        return used;
    }

    private Double cpuMs(final Path stat) {
        final String text;
        try {
            text = Files.readString(stat, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null; // the node is not running
        }
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
        // utime field 14, stime field 15 (proc(5)).
        final String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / ticksPerSecond;
    }

    private static long clockTicks() {
        try {
            final Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            final String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
