package org.pointsnet.gateway.ledger;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Latency of ledger calls per chaincode function, as Prometheus histograms: {@code pointsnet_ledger_submit_seconds}
 * (endorsement by the peers and hand-over to the orderer), {@code pointsnet_ledger_commit_seconds} (waiting for
 * this org's peer to commit, tagged with the validation code) and {@code pointsnet_ledger_evaluate_seconds}.
 */
final class LedgerTimers {

    private LedgerTimers() {
    }

    static Timer submit(final String function) {
        return timer("pointsnet.ledger.submit", "endorse and submit to the orderer", function)
            .register(Metrics.globalRegistry);
    }

    static Timer commit(final String function, final String validationCode) {
        return timer("pointsnet.ledger.commit", "wait for the commit on this org's peer", function)
            .tag("code", validationCode).register(Metrics.globalRegistry);
    }

    static Timer evaluate(final String function) {
        return timer("pointsnet.ledger.evaluate", "query on this org's peer", function)
            .register(Metrics.globalRegistry);
    }

    private static Timer.Builder timer(final String name, final String description, final String function) {
        return Timer.builder(name).description(description).tag("function", function).publishPercentileHistogram();
    }
}
