package org.pointsnet.gateway.e2e;

import java.util.List;
import java.util.Map;

/**
 * One measured run of a workload: outcome counts, wall time, sorted latencies of committed transactions (ms) and the
 * CPU milliseconds each node used during the run; {@code firstError} is null when nothing failed.
 */
record BenchRun(int committed, int conflicts, int errors, double seconds, List<Double> latencies,
                Map<String, Double> cpuMs, String firstError) {

    double throughput() {
        return committed / seconds;
    }

    double percentile(final int p) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        final int index = (int) Math.ceil(p / 100.0 * latencies.size()) - 1;
        return latencies.get(Math.max(0, index));
    }

    /** CPU ms per committed transaction of one node. */
    double cpuPerTx(final String node) {
        return committed == 0 || !cpuMs.containsKey(node) ? Double.NaN : cpuMs.get(node) / committed;
    }

    /** CPU ms per committed transaction of every node process, without (or with) the benchmark's own JVM. */
    double cpuPerTxAllNodes(final boolean withClient) {
        double sum = 0;
        for (final Map.Entry<String, Double> node : cpuMs.entrySet()) {
            if (withClient || !NodeCpu.CLIENT.equals(node.getKey())) {
                sum += node.getValue();
            }
        }
        return committed == 0 ? Double.NaN : sum / committed;
    }
}
