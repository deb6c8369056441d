package org.pointsnet.gateway.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.events.ListenerLease;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.trust.EndorsementVerifier;
import org.pointsnet.gateway.trust.TrustedMsps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The projection store on the configured DataSource (spring.datasource.*: embedded H2 by default, PostgreSQL by
 * configuration; schema by Flyway) taking only receipts endorsed by their platforms (pointsnet.trust.*), the peer's
 * chain height, the listener lag gauge, reconciliation (on request and on a schedule) and supply folding.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ReceiptAdmission receiptAdmission(final TrustedMsps msps, final EndorsementVerifier verifier) {
        return new ReceiptAdmission(msps, verifier);
    }

    @Bean
    ProjectionStore projectionStore(final JdbcClient jdbc, final TransactionTemplate transactions,
                                    final ReceiptAdmission admission, final MeterRegistry meters,
                                    final PersonalDataCipher cipher) {
        return new ProjectionStore(jdbc, transactions, admission, meters, cipher);
    }

    /** qscc GetChainInfo on this org's peer. */
    @Bean
    ChainHeight chainHeight(final FabricConnection connection) {
        return connection.qscc()::height;
    }

    /** Lag beyond {@code pointsnet.projection.max-lag-blocks} makes the gateway not ready. */
    @Bean
    ListenerProgress listenerProgress(final ProjectionStore store, final ChainHeight height,
                                      final GatewaySettings settings, final MeterRegistry meters) {
        final ListenerProgress progress = new ListenerProgress(store, height, settings.projection().maxLagBlocks());
        Gauge.builder("pointsnet.listener.lag.blocks", progress, p -> p.lagBlocks().orElse(-1))
            .description("committed blocks the event projection has not stored yet (-1: unknown)")
            .register(meters);
        return progress;
    }

    @Bean
    ConversionStats conversionStats(final JdbcClient jdbc) {
        return new ConversionStats(jdbc);
    }

    @Bean
    Reconciliation reconciliation(final LedgerClient ledger, final ChainHeight height, final ProjectionStore store,
                                  final ObjectMapper json, final MeterRegistry meters, final GatewaySettings settings) {
        return new Reconciliation(ledger, height, store, json, meters, settings.projection().catchUp());
    }

    /** Reconciliation by itself: {@code pointsnet.projection.reconcile-interval} and {@code -every-blocks}. */
    @Bean(initMethod = "start", destroyMethod = "close")
    ScheduledReconciliation scheduledReconciliation(final Reconciliation reconciliation, final ProjectionStore store,
                                                    final GatewaySettings settings) {
        return new ScheduledReconciliation(reconciliation, store, Clock.systemUTC(),
            settings.projection().reconcileInterval(), settings.projection().reconcileEveryBlocks());
    }

    /**
     * Supply folding by the org's listener-lease holder: {@code pointsnet.projection.fold-interval} and
     * {@code fold-min-deltas}.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    SupplyFolding supplyFolding(final LedgerClient ledger, final ObjectMapper json, final MeterRegistry meters,
                                final ListenerLease lease, final GatewaySettings settings) {
        return new SupplyFolding(ledger, json, meters, settings.platformId(), lease::held,
            settings.projection().foldInterval(), settings.projection().foldMinDeltas());
    }
}
