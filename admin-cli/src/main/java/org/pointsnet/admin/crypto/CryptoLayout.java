package org.pointsnet.admin.crypto;

import java.nio.file.Path;

import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PeerSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * Where generated crypto material lives: the folder layout Fabric's MSP expects (the one
 * cryptogen produces). The one place that names these paths, for generation and for
 * rendering node configuration alike.
 */
public record CryptoLayout(Path root) {

    /** cryptogen's name for every private key file; Fabric finds keys in keystore/ by content. */
    public static final String KEY_FILE = "priv_sk";

    /** The peer's client certificate and key towards the org's chaincode server, in {@link #chaincodeTlsDir}. */
    public static final String CHAINCODE_CLIENT = "peer-client";

    public static String caCertFile(String domain) {
        return "ca." + domain + "-cert.pem";
    }

    public static String tlsCaCertFile(String domain) {
        return "tlsca." + domain + "-cert.pem";
    }

    public static Path caDir(Path orgDir) {
        return orgDir.resolve("ca");
    }

    public static Path tlsCaDir(Path orgDir) {
        return orgDir.resolve("tlsca");
    }

    public static Path orgMsp(Path orgDir) {
        return orgDir.resolve("msp");
    }

    /** A node's folder, e.g. {@code peers/peer0.platform-a.pointsnet.local}. */
    public static Path nodeDir(Path orgDir, String nodesFolder, String fqdn) {
        return orgDir.resolve(nodesFolder).resolve(fqdn);
    }

    /** A user's folder, e.g. {@code users/Admin@platform-a.pointsnet.local}. */
    public static Path userDir(Path orgDir, String userName, String domain) {
        return orgDir.resolve("users").resolve(userName + "@" + domain);
    }

    public static Path chaincodeTlsDir(Path orgDir) {
        return orgDir.resolve("chaincode").resolve("tls");
    }

    /** The TLS folder of an org's REST gateway (server.crt, server.key, ca.crt): HTTPS from the org's TLS CA. */
    public static Path gatewayTlsDir(Path orgDir) {
        return orgDir.resolve("gateway").resolve("tls");
    }

    /** The signing certificate of a node or user folder, named after the folder. */
    public static Path signCert(Path identityDir) {
        return identityDir.resolve("msp").resolve("signcerts").resolve(identityDir.getFileName() + "-cert.pem");
    }

    public static Path keystoreKey(Path identityDir) {
        return identityDir.resolve("msp").resolve("keystore").resolve(KEY_FILE);
    }

    public static Path tlsCaCert(Path orgDir, String domain) {
        return tlsCaDir(orgDir).resolve(tlsCaCertFile(domain));
    }

    public Path ordererOrg(OrdererOrgSpec org) {
        return root.resolve("ordererOrganizations").resolve(org.domain());
    }

    public Path ordererNode(OrdererOrgSpec org, OrdererNodeSpec node) {
        return nodeDir(ordererOrg(org), "orderers", node.fqdn(org.domain()));
    }

    public Path peerOrg(PlatformOrgSpec org) {
        return root.resolve("peerOrganizations").resolve(org.domain());
    }

    /** The org's main (first) peer's folder. */
    public Path peerNode(PlatformOrgSpec org) {
        return nodeDir(peerOrg(org), "peers", org.peerFqdn());
    }

    /** One peer's folder, e.g. {@code peers/peer1.platform-a.pointsnet.local}. */
    public Path peerNode(PlatformOrgSpec org, PeerSpec peer) {
        return nodeDir(peerOrg(org), "peers", peer.fqdn(org.domain()));
    }

    /** The TLS folder of an org's chaincode server (server.crt, server.key, ca.crt). */
    public Path chaincodeServerTls(PlatformOrgSpec org) {
        return chaincodeTlsDir(peerOrg(org));
    }

    /** The TLS folder of an org's gateway (server.crt, server.key, ca.crt). */
    public Path gatewayTls(PlatformOrgSpec org) {
        return gatewayTlsDir(peerOrg(org));
    }
}
