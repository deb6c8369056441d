package org.pointsnet.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Adds the application's meter registry (the one {@code /metrics} exports) to Micrometer's global registry, which
 * the static recorders use (problem counts in {@link Problems}, ledger timers), and removes it on shutdown so a
 * closed context's registry is not kept.
 */
@Component
public class MetricsBinding implements DisposableBean {

    private final MeterRegistry registry;

    public MetricsBinding(final MeterRegistry registry) {
        this.registry = registry;
        if (!Metrics.globalRegistry.getRegistries().contains(registry)) {
            Metrics.addRegistry(registry);
        }
    }

    @Override
    public void destroy() {
        Metrics.removeRegistry(registry);
    }
}
