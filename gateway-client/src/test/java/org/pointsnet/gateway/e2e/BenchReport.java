package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's report: medians over runs per path and workload, ratios to the bare write (probe) of the same path
 * in the same run, and CPU ms per committed transaction of every node; written as Markdown and as JSON.
 */
final class BenchReport {

    /** Every run of one workload on one path. */
    record Row(String path, String workload, List<BenchRun> runs) {

        double median(final ToDoubleFunction<BenchRun> metric) {
            final List<Double> values = new ArrayList<>();
            for (final BenchRun run : runs) {
                final double v = metric.applyAsDouble(run);
                if (!Double.isNaN(v)) {
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(values);
            final int n = values.size();
            return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        }

        int total(final ToDoubleFunction<BenchRun> count) {
            return (int) runs.stream().mapToDouble(count).sum();
        }
    }

    private BenchReport() {
    }

    /** Writes target/benchmark.md and target/benchmark.json; returns the Markdown. */
    static String write(final BenchSettings settings, final List<Row> rows, final String machine) throws IOException {
        final String markdown = markdown(settings, rows, machine);
        final Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("benchmark.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("benchmark.json"), LedgerCalls.JSON.writeValueAsString(json(settings, rows,
            machine)), StandardCharsets.UTF_8);
        return markdown;
    }

    /** The bare write (probe:PutValue through fabric-gateway) of this run: the baseline of every path's ratios. */
    private static Row baseline(final List<Row> rows, final String path) {
        return rows.stream().filter(r -> "probe".equals(r.workload())).findFirst().orElse(null);
    }

    private static List<String> nodes(final List<Row> rows) {
        final TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> r.runs().forEach(run -> names.addAll(run.cpuMs().keySet())));
        names.remove(NodeCpu.CLIENT);
        final List<String> ordered = new ArrayList<>(names);
        ordered.add(NodeCpu.CLIENT);
        return ordered;
    }

    private static String markdown(final BenchSettings settings, final List<Row> rows, final String machine) {
        final StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Mode %s: %d run(s) per workload (medians) after %d unmeasured "
            + "warm-up run(s), %d client threads, %d transactions per run; %s%n%n", settings.mode(), settings.runs(),
            settings.warmups(), settings.threads(), settings.threads() * settings.perThread(), machine));
        md.append("| path | workload | tx/s | p50 ms | p95 ms | p99 ms | committed | conflicts retried | errors "
            + "| CPU ms/tx, all nodes | with client | CPU vs bare write | tx/s vs bare write |\n")
            .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (final Row row : rows) {
            final Row base = baseline(rows, row.path());
            final double cpu = row.median(r -> r.cpuPerTxAllNodes(false));
            final double tps = row.median(BenchRun::throughput);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.0f | %d | %d | %d | %.1f | %.1f "
                    + "| %s | %s |%n", row.path(), row.workload(), tps, row.median(r -> r.percentile(50)),
                row.median(r -> r.percentile(95)), row.median(r -> r.percentile(99)), row.total(BenchRun::committed),
                row.total(BenchRun::conflicts), row.total(BenchRun::errors), cpu,
                row.median(r -> r.cpuPerTxAllNodes(true)),
                base == null ? "n/a" : ratio(cpu / base.median(r -> r.cpuPerTxAllNodes(false))),
                base == null ? "n/a" : ratio(tps / base.median(BenchRun::throughput))));
        }
        md.append("\nCPU ms per committed transaction, by node process (median of runs; ")
            .append(NodeCpu.CLIENT).append(" is the benchmark's own JVM):\n\n| node |");
        final StringBuilder rule = new StringBuilder("|---|");
        for (final Row row : rows) {
            md.append(' ').append(row.path()).append(' ').append(row.workload()).append(" |");
            rule.append("---|");
        }
        md.append('\n').append(rule).append('\n');
        for (final String node : nodes(rows)) {
            md.append("| ").append(node).append(" |");
            for (final Row row : rows) {
                md.append(String.format(Locale.ROOT, " %.2f |", row.median(r -> r.cpuPerTx(node))));
            }
            md.append('\n');
        }
        restOverDirect(md, rows);
        for (final Row row : rows) {
            row.runs().stream().filter(r -> r.firstError() != null).findFirst().ifPresent(r ->
                md.append("\nFirst error of ").append(row.path()).append(' ').append(row.workload()).append(": ")
                    .append(r.firstError()).append('\n'));
        }
        return md.toString();
    }

    /**
     * Issue 12's REST target (the gateway adds at most 10% CPU over the same ledger call made directly): per workload
     * measured on both paths, the CPU per transaction of every node plus the calling client (the direct client signs
     * like a gateway; the REST client only speaks HTTPS), REST over direct.
     */
    private static void restOverDirect(final StringBuilder md, final List<Row> rows) {
        final StringBuilder table = new StringBuilder();
        for (final Row rest : rows) {
            if (!"rest".equals(rest.path())) {
                continue;
            }
            rows.stream().filter(d -> "direct".equals(d.path()) && d.workload().equals(rest.workload())).findFirst()
                .ifPresent(direct -> {
                    final double viaRest = rest.median(r -> r.cpuPerTxAllNodes(true));
                    final double viaDirect = direct.median(r -> r.cpuPerTxAllNodes(true));
                    table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.0f%% |%n", rest.workload(),
                        viaRest, viaDirect, 100 * (viaRest / viaDirect - 1)));
                });
        }
        if (!table.isEmpty()) {
            md.append("\nREST over direct (CPU ms per committed transaction, every node and the client, medians):\n\n")
                .append("| workload | rest | direct | REST adds |\n|---|---|---|---|\n").append(table);
        }
    }

    private static String ratio(final double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static ObjectNode json(final BenchSettings settings, final List<Row> rows, final String machine) {
        final ObjectNode root = LedgerCalls.JSON.createObjectNode();
        root.put("mode", settings.mode());
        root.put("runs", settings.runs());
        root.put("warmupRuns", settings.warmups());
        root.put("threads", settings.threads());
        root.put("transactionsPerRun", settings.threads() * settings.perThread());
        root.put("machine", machine);
        final ArrayNode out = root.putArray("workloads");
        for (final Row row : rows) {
            final ObjectNode w = out.addObject();
            w.put("path", row.path());
            w.put("workload", row.workload());
            w.put("throughputTxPerSecond", row.median(BenchRun::throughput));
            w.put("p50Ms", row.median(r -> r.percentile(50)));
            w.put("p95Ms", row.median(r -> r.percentile(95)));
            w.put("p99Ms", row.median(r -> r.percentile(99)));
            w.put("committed", row.total(BenchRun::committed));
            w.put("conflictsRetried", row.total(BenchRun::conflicts));
            w.put("errors", row.total(BenchRun::errors));
            w.put("cpuMsPerTxAllNodes", row.median(r -> r.cpuPerTxAllNodes(false)));
            w.put("cpuMsPerTxWithClient", row.median(r -> r.cpuPerTxAllNodes(true)));
            final Row base = baseline(rows, row.path());
            if (base != null) {
                w.put("cpuRatioToBareWrite",
                    row.median(r -> r.cpuPerTxAllNodes(false)) / base.median(r -> r.cpuPerTxAllNodes(false)));
                w.put("throughputRatioToBareWrite",
                    row.median(BenchRun::throughput) / base.median(BenchRun::throughput));
            }
            final ObjectNode perNode = w.putObject("cpuMsPerTxByNode");
            for (final String node : nodes(rows)) {
                perNode.put(node, row.median(r -> r.cpuPerTx(node)));
            }
            final ArrayNode runs = w.putArray("runs");
            for (final BenchRun run : row.runs()) {
                final ObjectNode r = runs.addObject();
                r.put("committed", run.committed());
                r.put("conflictsRetried", run.conflicts());
                r.put("errors", run.errors());
                r.put("seconds", run.seconds());
                r.put("throughputTxPerSecond", run.throughput());
                r.put("p50Ms", run.percentile(50));
                r.put("p95Ms", run.percentile(95));
                r.put("p99Ms", run.percentile(99));
                final ObjectNode cpu = r.putObject("cpuMs");
                run.cpuMs().forEach(cpu::put);
            }
        }
        return root;
    }
}
