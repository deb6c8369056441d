package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system) of every node process test-network.sh started, by node name, read from
 * {@code /proc/<pid>/stat} with the pids it records in {@code runtime/pids}, each with its descendants (PostgreSQL's
 * work is done by the postmaster's children: one backend per connection); plus this JVM as {@code bench-client}.
 */
final class NodeCpu {

    static final String CLIENT = "bench-client";

    private final Path pids;
    private final long ticksPerSecond;

    NodeCpu(final Path runtime) {
        this.pids = runtime.resolve("pids");
        this.ticksPerSecond = clockTicks();
    }

    /** Milliseconds of CPU each running node (with its descendants) has used so far. */
    Map<String, Double> snapshot() throws IOException {
        final Map<Long, Stat> processes = processes();
        final Map<Long, List<Long>> children = new HashMap<>();
        processes.forEach((pid, stat) -> children.computeIfAbsent(stat.parent(), p -> new ArrayList<>()).add(pid));
        final Map<String, Double> cpu = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
            for (final Path file : files) {
                final String name = file.getFileName().toString().replaceAll("\\.pid$", "");
                final String[] recorded = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
                final long pid = Long.parseLong(recorded[0]);
                if (processes.containsKey(pid)) {
                    cpu.put(name, ms(subtreeTicks(pid, processes, children)));
                }
            }
        }
        cpu.put(CLIENT, ms(subtreeTicks(ProcessHandle.current().pid(), processes, children)));
        return cpu;
    }

    /** Clock ticks as milliseconds. */
    double ms(final long ticks) {
        return ticks * 1000.0 / ticksPerSecond;
    }

    /**
     * A process's CPU with all of its descendants': every live one's own time plus what its exited children used
     * (cutime + cstime, which already holds their exited children's), so a backend that exits mid-run still counts.
     */
    private static long subtreeTicks(final long root, final Map<Long, Stat> processes,
                                     final Map<Long, List<Long>> children) {
        long ticks = 0;
        final Deque<Long> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            final long pid = pending.pop();
            ticks += processes.get(pid).ticks();
            children.getOrDefault(pid, List.of()).forEach(pending::push);
        }
        return ticks;
    }

    /** Every process on the machine (this pid namespace) by pid; those that exit while being read are left out. */
    private static Map<Long, Stat> processes() throws IOException {
        final Map<Long, Stat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (final Path dir : dirs) {
                final Stat stat = Stat.read(dir.resolve("stat"));
                if (stat != null) {
                    all.put(Long.parseLong(dir.getFileName().toString()), stat);
                }
            }
        }
        return all;
    }

    /**
     * The fields of {@code /proc/<pid>/stat} this needs: parent pid, the process's own CPU ticks (utime + stime) and
     * its exited children's (cutime + cstime).
     */
    record Stat(long parent, long own, long exitedChildren) {

        long ticks() {
            return own + exitedChildren;
        }

        /** The process's fields, or null when it has exited. */
        static Stat read(final Path file) {
            final String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return null; // exited
            }
            // Fields after the command name, which is in parentheses and may hold spaces: ppid is field 4, utime,
            // stime, cutime and cstime fields 14 to 17 (proc(5)).
            final String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
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
