package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's report: medians over runs per path and workload, ratios to the bare write (probe) of the same run,
 * the spread of those ratios round by round, and CPU ms per committed transaction of every node; written as Markdown
 * and as JSON.
 */
final class BenchReport {

    /** Every run of one workload on one path. */
    record Row(String path, String workload, List<BenchRun> runs) {

        double median(final ToDoubleFunction<BenchRun> metric) {
            return Spread.of(runs.stream().map(metric::applyAsDouble).toList()).median();
        }

        int total(final ToDoubleFunction<BenchRun> count) {
            return (int) runs.stream().mapToDouble(count).sum();
        }

        /**
         * Round by round, this row's {@code metric} over {@code other}'s in the same round (run k against run k: the
         * benchmark measures every workload once per round, so both ran within the same minutes).
         */
        List<Double> perRound(final Row other, final ToDoubleFunction<BenchRun> metric) {
            final List<Double> ratios = new ArrayList<>();
            for (int k = 0; k < Math.min(runs.size(), other.runs().size()); k++) {
                ratios.add(metric.applyAsDouble(runs.get(k)) / metric.applyAsDouble(other.runs().get(k)));
            }
            return ratios;
        }
    }

    /** Median, lowest and highest of some values (NaN, a run without commits, left out). */
    record Spread(double median, double lowest, double highest) {

        static Spread of(final List<Double> values) {
            final List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
            if (sorted.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            final int n = sorted.size();
            final double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }

        /** "1.23 [1.10-1.41]". */
        String ratios() {
            return Double.isNaN(median) ? "n/a"
                : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median, lowest, highest);
        }

        /** The ratios as a percentage added: "+12% [-3%..+20%]". */
        String added() {
            return Double.isNaN(median) ? "n/a" : String.format(Locale.ROOT, "%+.0f%% [%+.0f%%..%+.0f%%]",
                100 * (median - 1), 100 * (lowest - 1), 100 * (highest - 1));
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
    private static Row baseline(final List<Row> rows) {
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
            final Row base = baseline(rows);
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
        perRound(md, rows);
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
            final Row direct = direct(rows, rest);
            if (direct != null) {
                final double viaRest = rest.median(r -> r.cpuPerTxAllNodes(true));
                final double viaDirect = direct.median(r -> r.cpuPerTxAllNodes(true));
                table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.0f%% |%n", rest.workload(),
                    viaRest, viaDirect, 100 * (viaRest / viaDirect - 1)));
            }
        }
        if (!table.isEmpty()) {
            md.append("\nREST over direct (CPU ms per committed transaction, every node and the client, medians):\n\n")
                .append("| workload | rest | direct | REST adds |\n|---|---|---|---|\n").append(table);
        }
    }

    /**
     * The ratios again, round by round: a ratio of medians hides how far single rounds stray, and on a shared machine
     * that spread, not the median, says whether a difference of 10% means anything.
     */
    private static void perRound(final StringBuilder md, final List<Row> rows) {
        final StringBuilder table = new StringBuilder();
        for (final Row row : rows) {
            final Row base = baseline(rows);
            final Row direct = direct(rows, row);
            if (row.runs().size() < 2 || (base == null && direct == null)) {
                continue; // one round has no spread; without a bare write or a direct twin there is no ratio
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.path(), row.workload(),
                base == null ? "n/a" : Spread.of(row.perRound(base, r -> r.cpuPerTxAllNodes(false))).ratios(),
                base == null ? "n/a" : Spread.of(row.perRound(base, BenchRun::throughput)).ratios(),
                direct == null ? "" : Spread.of(row.perRound(direct, r -> r.cpuPerTxAllNodes(true))).added()));
        }
        if (!table.isEmpty()) {
            md.append("\nPer round (run k of a row over run k of the bare write, or of the same workload directly; "
                    + "median [lowest-highest] over the rounds):\n\n")
                .append("| path | workload | CPU vs bare write | tx/s vs bare write | REST adds (with client) |\n")
                .append("|---|---|---|---|---|\n").append(table);
        }
    }

    /** For a REST row, the same workload's direct row; otherwise null. */
    private static Row direct(final List<Row> rows, final Row rest) {
        if (!"rest".equals(rest.path())) {
            return null;
        }
        return rows.stream().filter(d -> "direct".equals(d.path()) && d.workload().equals(rest.workload()))
            .findFirst().orElse(null);
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
            final Row base = baseline(rows);
            if (base != null) {
                w.put("cpuRatioToBareWrite",
                    row.median(r -> r.cpuPerTxAllNodes(false)) / base.median(r -> r.cpuPerTxAllNodes(false)));
                w.put("throughputRatioToBareWrite",
                    row.median(BenchRun::throughput) / base.median(BenchRun::throughput));
                row.perRound(base, r -> r.cpuPerTxAllNodes(false))
                    .forEach(w.putArray("cpuRatioToBareWritePerRound")::add);
                row.perRound(base, BenchRun::throughput).forEach(w.putArray("throughputRatioToBareWritePerRound")::add);
            }
            final Row direct = direct(rows, row);
            if (direct != null) {
                row.perRound(direct, r -> r.cpuPerTxAllNodes(true)).forEach(w.putArray("restOverDirectPerRound")::add);
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
