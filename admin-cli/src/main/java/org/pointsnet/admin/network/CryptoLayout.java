package org.pointsnet.admin.network;

import java.nio.file.Path;

import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/** Paths inside generated crypto material, in the folder layout Fabric's MSP expects. */
public record CryptoLayout(Path root) {

    public Path ordererOrg(OrdererOrgSpec org) {
        return root.resolve("ordererOrganizations").resolve(org.domain());
    }

    public Path ordererNode(OrdererOrgSpec org, OrdererNodeSpec node) {
        return ordererOrg(org).resolve("orderers").resolve(node.fqdn(org.domain()));
    }

    public Path peerOrg(PlatformOrgSpec org) {
        return root.resolve("peerOrganizations").resolve(org.domain());
    }

    public Path peerNode(PlatformOrgSpec org) {
        return peerOrg(org).resolve("peers").resolve(org.peerFqdn());
    }

    public Path chaincodeServer(PlatformOrgSpec org) {
        return peerOrg(org).resolve("chaincode");
    }

    /** A user's folder, e.g. {@code users/Admin@platform-a.pointsnet.local}. */
    public static Path user(Path orgDir, String domain, String userName) {
        return orgDir.resolve("users").resolve(userName + "@" + domain);
    }

    public static Path tlsCaCert(Path orgDir, String domain) {
        return orgDir.resolve("tlsca").resolve("tlsca." + domain + "-cert.pem");
    }

    public static Path signCert(Path userDir) {
        return userDir.resolve("msp").resolve("signcerts").resolve(userDir.getFileName() + "-cert.pem");
    }

    public static Path privateKey(Path userDir) {
        return userDir.resolve("msp").resolve("keystore").resolve("priv_sk");
    }
}
