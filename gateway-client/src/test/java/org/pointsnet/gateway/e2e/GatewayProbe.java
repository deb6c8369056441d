package org.pointsnet.gateway.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What one gateway says about its event projection right now: readiness, listener lag and events set aside (from
 * /metrics, no token), and its reconciliation report (GET /api/v1/reconciliation). Tests compare these across every
 * gateway after an attack aimed at the projection.
 *
 * @param readyStatus HTTP status of /health/ready
 * @param readyBody its body
 * @param lagBlocks gauge pointsnet_listener_lag_blocks (-1 when absent)
 * @param setAside sum of counter pointsnet_projection_events_set_aside_total over its labels (0 when absent)
 * @param reconciliationStatus HTTP status of /api/v1/reconciliation
 * @param reconciliation its body
 */
record GatewayProbe(int readyStatus, String readyBody, double lagBlocks, double setAside, int reconciliationStatus,
                    String reconciliation) {

    static final String SET_ASIDE_METRIC = "pointsnet_projection_events_set_aside_total";
    static final String LAG_METRIC = "pointsnet_listener_lag_blocks";

    /** Reads everything once. */
    static GatewayProbe of(final ApiClient gateway) throws Exception {
        final HttpResponse<String> ready = gateway.send("GET", "/health/ready", null, null, null);
        final String metrics = gateway.send("GET", "/metrics", null, null, null).body();
        final HttpResponse<String> reconciliation = gateway.get("/api/v1/reconciliation");
        return new GatewayProbe(ready.statusCode(), ready.body(), sum(metrics, LAG_METRIC, -1),
            sum(metrics, SET_ASIDE_METRIC, 0), reconciliation.statusCode(), reconciliation.body());
    }

    /**
     * Readiness and metrics only: what the gateway shows by itself. Reconciliation is not asked for, so the result in
     * the readiness body is the scheduled one ({@code pointsnet.projection.reconcile-interval}).
     */
    static GatewayProbe unasked(final ApiClient gateway) throws Exception {
        final HttpResponse<String> ready = gateway.send("GET", "/health/ready", null, null, null);
        final String metrics = gateway.send("GET", "/metrics", null, null, null).body();
        return new GatewayProbe(ready.statusCode(), ready.body(), sum(metrics, LAG_METRIC, -1),
            sum(metrics, SET_ASIDE_METRIC, 0), 0, "");
    }

    /**
     * Polls every gateway ({@link #unasked}) until its own scheduled reconciliation reports no difference as of
     * {@code block} or later ({@link #reconciledByItself}), or {@code timeout} passed; returns the last probe of each.
     */
    static Map<String, GatewayProbe> awaitReconciledByItself(final Map<String, ApiClient> gateways, final long block,
                                                             final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Map<String, GatewayProbe> last = new LinkedHashMap<>();
        for (final Map.Entry<String, ApiClient> gateway : gateways.entrySet()) {
            GatewayProbe probe = unasked(gateway.getValue());
            while (!probe.reconciledByItself(block) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                probe = unasked(gateway.getValue());
            }
            last.put(gateway.getKey(), probe);
        }
        return last;
    }

    /** Ready, no lag, and the last scheduled reconciliation balanced (difference 0) as of {@code block} or later. */
    boolean reconciledByItself(final long block) {
        final JsonNode scheduled = readiness().path("reconciliation");
        return readyStatus == 200 && lagBlocks == 0 && scheduled.path("balanced").asBoolean(false)
            && scheduled.path("difference").asLong(-1) == 0 && scheduled.path("asOfBlock").asLong(-1) >= block;
    }

    /** The readiness body (missing node if it is not JSON). */
    JsonNode readiness() {
        try {
            return LedgerCalls.JSON.readTree(readyBody);
        } catch (RuntimeException notJson) {
            return LedgerCalls.JSON.missingNode();
        }
    }

    /**
     * Events set aside so far by each platform's gateways. Only the gateway holding the org's listener lease projects,
     * so it alone counts; an org with several (platform-a's, behind a round-robin balancer) is read on each instance's
     * own port and summed, whichever holds the lease now.
     */
    static Map<String, Double> setAside(final Map<String, ApiClient> gateways) throws Exception {
        final JsonNode listed = NetworkNodes.status().path("gateways");
        final Map<String, Double> counts = new LinkedHashMap<>();
        for (final Map.Entry<String, ApiClient> gateway : gateways.entrySet()) {
            final JsonNode instances = listed.path(gateway.getKey()).path("instances");
            double count = 0;
            if (instances.isEmpty()) {
                count = sum(gateway.getValue().send("GET", "/metrics", null, null, null).body(), SET_ASIDE_METRIC, 0);
            }
            for (final JsonNode instance : instances) {
                count += sum(GatewayHttp.get(URI.create(instance.path("url").asString()), "/metrics").body(),
                    SET_ASIDE_METRIC, 0);
            }
            counts.put(gateway.getKey(), count);
        }
        return counts;
    }

    /**
     * Polls every gateway until it is {@link #caughtUp} to {@code block} or {@code timeout} passed; returns the last
     * probe of each, caught up or not, for the test's assertions and their messages.
     */
    static Map<String, GatewayProbe> awaitCaughtUp(final Map<String, ApiClient> gateways, final long block,
                                                   final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Map<String, GatewayProbe> last = new LinkedHashMap<>();
        for (final Map.Entry<String, ApiClient> gateway : gateways.entrySet()) {
            GatewayProbe probe = of(gateway.getValue());
            while (!probe.caughtUp(block) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                probe = of(gateway.getValue());
            }
            last.put(gateway.getKey(), probe);
        }
        return last;
    }

    /**
     * Ready, no lag, and a balanced reconciliation (every platform's replayed supply equal to its on-chain supply)
     * as of {@code block} or later.
     */
    boolean caughtUp(final long block) {
        return readyStatus == 200 && lagBlocks == 0 && balanced() && asOfBlock() >= block;
    }

    boolean balanced() {
        if (reconciliationStatus != 200) {
            return false;
        }
        final JsonNode report = report();
        for (final JsonNode line : report.path("platforms")) {
            if (line.path("difference").asLong(-1) != 0) {
                return false;
            }
        }
        return report.path("balanced").asBoolean(false);
    }

    long asOfBlock() {
        return reconciliationStatus == 200 ? report().path("asOfBlock").asLong(-1) : -1;
    }

    /** The platform's line of the reconciliation report (missing node if the report has none). */
    JsonNode line(final String platformId) {
        for (final JsonNode line : report().path("platforms")) {
            if (platformId.equals(line.path("platformId").asString())) {
                return line;
            }
        }
        return LedgerCalls.JSON.missingNode();
    }

    private JsonNode report() {
        try {
            return LedgerCalls.JSON.readTree(reconciliation);
        } catch (RuntimeException notJson) {
            return LedgerCalls.JSON.missingNode();
        }
    }

    /** Sum of the metric's samples (all label sets); {@code absent} when it has none. */
    private static double sum(final String metrics, final String name, final double absent) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .reduce(Double::sum).orElse(absent);
    }

    @Override
    public String toString() {
        return "ready " + readyStatus + " " + readyBody + ", lag " + lagBlocks + ", set aside " + setAside
            + ", reconciliation " + reconciliationStatus + " " + reconciliation;
    }
}
