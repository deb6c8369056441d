package org.pointsnet.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.NettyGrpcServer;
import org.pointsnet.chaincode.support.MaskedLogs;

/** Entry point of chaincode.jar: serves every {@code @Contract} in the jar as a chaincode server (CCaaS). */
public final class ChaincodeMain {

    private ChaincodeMain() {}

    /**
     * Starts the server and blocks until the JVM is stopped.
     *
     * @param args ignored; all configuration comes from the environment (see {@link ServerConfig})
     * @throws Exception if the server cannot start (bad TLS files, port in use, ...)
     */
    public static void main(final String[] args) throws Exception {
        final ServerConfig config;
        try {
            config = ServerConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("chaincode: " + e.getMessage());
            System.exit(2);
            return;
        }
        // ContractRouter.main would take the address and TLS files from the shim's own variables; building the
        // server here lets our variables (ServerConfig) drive it. The router scans the class path for contracts
        // when the server starts.
        final ContractRouter router = new ContractRouter(config.shimArgs());
        // The router's constructor configured the shim's logging; from here on no line carries a full user id.
        MaskedLogs.install();
        final NettyGrpcServer grpcServer = new NettyGrpcServer(router, config.toServerProperties());
        router.startRouterWithChaincodeServer(new AnnouncingChaincodeServer(grpcServer, config));
    }
}
