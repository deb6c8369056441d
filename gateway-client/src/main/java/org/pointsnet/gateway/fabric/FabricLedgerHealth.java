package org.pointsnet.gateway.fabric;

import io.grpc.ConnectivityState;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready when the gRPC channel is not failing and the chaincode answers an evaluate of GetValue on a key that is
 * never written. A coded chaincode error (NOT_FOUND) is an answer: the chaincode ran.
 */
public final class FabricLedgerHealth implements LedgerHealth {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerHealth.class);
    private static final long CHECK_SECONDS = 3;

    private final FabricConnection connection;
    private volatile Boolean lastReady;

    public FabricLedgerHealth(final FabricConnection connection) {
        this.connection = connection;
    }

    @Override
    public Readiness check() {
        return remember(evaluate());
    }

    private Readiness evaluate() {
        final ConnectivityState state = connection.channelState(true);
        if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
            LOG.debug("readiness: gRPC channel state {}", state);
            return Readiness.down("peer connection not established");
        }
        try {
            connection.contract().newProposal(ChaincodeFunctions.GET_VALUE)
                .addArguments(ChaincodeFunctions.READINESS_KEY)
                .build()
                .evaluate(options -> options.withDeadlineAfter(CHECK_SECONDS, TimeUnit.SECONDS));
            return Readiness.up();
        } catch (GatewayException e) {
            if (FabricErrors.chaincodeError(e.getStatus(), e.getDetails()).isPresent()) {
                return Readiness.up();
            }
            LOG.debug("readiness evaluate failed: {} {}", e.getStatus().getCode(), e.getStatus().getDescription());
            return Readiness.down("chaincode not answering");
        }
    }

    // Log transitions only: the network script polls readiness, and a line per poll would drown the log.
    private Readiness remember(final Readiness readiness) {
        final Boolean previous = lastReady;
        if (previous == null || previous != readiness.ready()) {
            lastReady = readiness.ready();
            if (readiness.ready()) {
                LOG.info("ledger ready: peer connection up and chaincode answering");
            } else {
                LOG.info("ledger not ready: {}", readiness.reason());
            }
        }
        return readiness;
    }
}
