package org.pointsnet.chaincode;

import java.io.IOException;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.GrpcServer;

/**
 * A {@link ChaincodeServer} that logs the "listening" line once the port is bound.
 *
 * <p>The shim's own {@code NettyChaincodeServer} binds and then blocks without saying so; the network script waits
 * for our line, so it must come after the bind, not before.
 */
final class AnnouncingChaincodeServer implements ChaincodeServer {
    private static final Logger LOG = Logger.getLogger(AnnouncingChaincodeServer.class.getName());

    private final GrpcServer grpcServer;
    private final ServerConfig config;

    AnnouncingChaincodeServer(final GrpcServer grpcServer, final ServerConfig config) {
        this.grpcServer = grpcServer;
        this.config = config;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        grpcServer.start();
        LOG.info(() -> listeningLine(config));
        grpcServer.blockUntilShutdown();
    }

    @Override
    public void stop() {
        grpcServer.stop();
    }

    static String listeningLine(final ServerConfig config) {
        // Paths and the id only: key material is never logged.
        return "chaincode server listening on " + config.address() + " (tls=" + config.tls() + ", id="
                + config.chaincodeId() + ")";
    }
}
