package org.pointsnet.gateway.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidConfigurationException} into Boot's short "APPLICATION FAILED TO START" report, so an
 * operator sees the property to fix rather than a bean-creation stack trace (Boot logs that only at DEBUG).
 */
public final class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(final Throwable rootFailure, final InvalidConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Pass each property as --pointsnet.xxx=value (or --server.xxx=value) on the command line, or as an"
                + " environment variable"
                + " (e.g. POINTSNET_FABRIC_MSPID); test-network.sh renders them into"
                + " runtime/platforms/<id>/gateway.env.",
            cause);
    }
}
