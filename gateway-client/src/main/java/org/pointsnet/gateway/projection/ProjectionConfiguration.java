package org.pointsnet.gateway.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.trust.EndorsementVerifier;
import org.pointsnet.gateway.trust.TrustedMsps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The projection store on the configured DataSource (spring.datasource.*: embedded H2 by default, PostgreSQL by
 * configuration; schema by Flyway) taking only receipts endorsed by their platforms (pointsnet.trust.*), the peer's
 * chain height, the listener lag gauge and reconciliation.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ReceiptAdmission receiptAdmission(final TrustedMsps msps, final EndorsementVerifier verifier) {
        return new ReceiptAdmission(msps, verifier);
    }

    @Bean
    ProjectionStore projectionStore(final JdbcClient jdbc, final TransactionTemplate transactions,
                                    final ReceiptAdmission admission, final MeterRegistry meters) {
        return new ProjectionStore(jdbc, transactions, admission, meters);
    }

    /** qscc GetChainInfo on this org's peer. */
    @Bean
    ChainHeight chainHeight(final FabricConnection connection) {
        return connection.qscc()::height;
    }

    /**
     * @param maxLag blocks behind the peer beyond which the gateway is not ready: a few seconds of blocks under
     *               load (the orderer cuts a block at most every 2 s, or sooner when full); more means the
     *               listener is stuck or far behind, and the projection's answers are stale
     */
    @Bean
    ListenerProgress listenerProgress(final ProjectionStore store, final ChainHeight height,
                                      @Value("${pointsnet.projection.max-lag-blocks:20}") final long maxLag,
                                      final MeterRegistry meters) {
        final ListenerProgress progress = new ListenerProgress(store, height, maxLag);
        Gauge.builder("pointsnet.listener.lag.blocks", progress, p -> p.lagBlocks().orElse(-1))
            .description("committed blocks the event projection has not stored yet (-1: unknown)")
            .register(meters);
        return progress;
    }

    @Bean
    Reconciliation reconciliation(final LedgerClient ledger, final ChainHeight height, final ProjectionStore store,
                                  final ObjectMapper json, final MeterRegistry meters,
                                  @Value("${pointsnet.projection.catch-up:10s}") final Duration catchUp) {
        return new Reconciliation(ledger, height, store, json, meters, catchUp);
    }
}
