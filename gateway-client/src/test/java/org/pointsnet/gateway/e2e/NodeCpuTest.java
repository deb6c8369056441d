package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's CPU reading counts what a node's child processes used (PostgreSQL's backends), live or exited. */
class NodeCpuTest {

    /** A shell that spends its CPU in children: one that has exited, one still alive; the shell itself only waits. */
    private static final String NODE = "i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done";

    @Test
    void aNodesChildrenCountAsTheNodeLiveOrExited(@TempDir final Path runtime) throws Exception {
        final Path marker = runtime.resolve("burnt");
        final Process node = new ProcessBuilder("bash", "-c",
            "bash -c '" + NODE + "'; (" + NODE + "; touch " + marker + "; sleep 60) & wait").start();
        try {
            Files.createDirectories(runtime.resolve("pids"));
            Files.writeString(runtime.resolve("pids/postgres-x.pid"), node.pid() + " 0\n", StandardCharsets.US_ASCII);
            final NodeCpu cpu = new NodeCpu(runtime);
            final Map<String, Double> before = cpu.snapshot();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the children never finished their loops");
            final double used = NodeCpu.delta(before, cpu.snapshot()).get("postgres-x");
            final double own = cpu.ms(NodeCpu.Stat.read(Path.of("/proc", Long.toString(node.pid()), "stat")).own());
            // Each loop costs a few hundred ms of CPU; the waiting shell itself next to nothing.
            assertTrue(used >= own + 100, "counted " + used + " ms for the node, its own process used " + own);
        } finally {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
    }
}
