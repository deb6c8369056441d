package org.pointsnet.gateway.fabric;

import io.grpc.ConnectivityState;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.GatewayException;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ready when the gRPC channel is not failing and the points chaincode answers an evaluate of {@code platform:List}
 * (one small read on this org's peer, no write). A coded chaincode error is an answer too: the chaincode ran.
 */
public final class FabricLedgerHealth implements LedgerHealth {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerHealth.class);
    private static final long CHECK_SECONDS = 3;
    private static final LedgerFunction CHECK = LedgerFunction.LIST_PLATFORMS;
    private static final String NO_ARGUMENTS = JsonMapper.shared().writeValueAsString(new LedgerRequest.NoArguments());

    private final FabricConnection connection;
    private volatile Boolean lastReady;

    public FabricLedgerHealth(final FabricConnection connection) {
        this.connection = connection;
    }

    @Override
    public Readiness check() {
        return remember(evaluate());
    }

    @Override
    public Optional<String> peerInUse() {
        return connection.peerInUse();
    }

    private Readiness evaluate() {
        final ConnectivityState state = connection.channelState(true);
        if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
            LOG.debug("readiness: gRPC channel state {}", state);
            return Readiness.down("peer connection not established");
        }
        try {
            connection.contract().newProposal(CHECK.qualifiedName())
                .addArguments(NO_ARGUMENTS)
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
