package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark report's per-round ratios: run k against run k of the other row, and their spread. */
class BenchReportTest {

    /** A run of {@code committed} transactions in {@code seconds} whose nodes used {@code cpuMs} in all. */
    private static BenchRun run(final int committed, final double seconds, final double cpuMs) {
        return new BenchRun(committed, 0, 0, seconds, List.of(), Map.of("peer", cpuMs, NodeCpu.CLIENT, 1.0), null);
    }

    @Test
    void perRoundPairsRunKWithRunKOfTheOtherRow() {
        // Per transaction: bare write 10, 20, 12 ms; workload 15, 24, 30 ms, round by round. Paired: 1.5, 1.2, 2.5
        // (sorted first, the pairs would be 1.5, 2.0, 1.5; the ratio of the medians is 2.0).
        final BenchReport.Row base = new BenchReport.Row("direct", "probe",
            List.of(run(100, 1, 1000), run(100, 1, 2000), run(100, 1, 1200)));
        final BenchReport.Row workload = new BenchReport.Row("direct", "issuance",
            List.of(run(100, 2, 1500), run(100, 2, 2400), run(100, 2, 3000)));

        final List<Double> cpu = workload.perRound(base, r -> r.cpuPerTxAllNodes(false));
        assertEquals(3, cpu.size());
        assertEquals(1.5, cpu.get(0), 1e-9);
        assertEquals(1.2, cpu.get(1), 1e-9);
        assertEquals(2.5, cpu.get(2), 1e-9);
        assertEquals(1.5, BenchReport.Spread.of(cpu).median(), 1e-9);
        assertEquals(0.5, BenchReport.Spread.of(workload.perRound(base, BenchRun::throughput)).median(), 1e-9);
    }

    @Test
    void spreadGivesMedianLowestAndHighestLeavingNaNOut() {
        final BenchReport.Spread spread = BenchReport.Spread.of(List.of(1.3, Double.NaN, 0.9, 1.1, 1.2));
        assertEquals(1.15, spread.median(), 1e-9);
        assertEquals(0.9, spread.lowest());
        assertEquals(1.3, spread.highest());
        assertEquals("1.15 [0.90-1.30]", spread.ratios());
        assertEquals("+15% [-10%..+30%]", spread.added());
        assertTrue(Double.isNaN(BenchReport.Spread.of(List.of(Double.NaN)).median()));
        assertEquals("n/a", BenchReport.Spread.of(List.of()).ratios());
    }

    @Test
    void rowsOfDifferentLengthsArePairedAsFarAsBothGo() {
        final BenchReport.Row base = new BenchReport.Row("direct", "probe", List.of(run(10, 1, 100)));
        final BenchReport.Row workload = new BenchReport.Row("rest", "issuance",
            List.of(run(10, 1, 200), run(10, 1, 300)));
        final List<Double> cpu = workload.perRound(base, r -> r.cpuPerTxAllNodes(false));
        assertEquals(1, cpu.size());
        assertEquals(2.0, cpu.get(0), 1e-9);
    }
}
