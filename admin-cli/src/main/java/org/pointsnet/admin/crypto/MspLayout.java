package org.pointsnet.admin.crypto;

import java.nio.file.Path;

/**
 * File and folder names of the layout cryptogen produces, which Fabric's MSP loader and
 * the rendered node configuration expect. One place names them.
 */
final class MspLayout {

    /** cryptogen's name for every private key file; Fabric finds keys in keystore/ by content. */
    static final String KEY_FILE = "priv_sk";

    private MspLayout() {
    }

    static String caCertFile(String domain) {
        return "ca." + domain + "-cert.pem";
    }

    static String tlsCaCertFile(String domain) {
        return "tlsca." + domain + "-cert.pem";
    }

    static Path caDir(Path orgDir) {
        return orgDir.resolve("ca");
    }

    static Path tlsCaDir(Path orgDir) {
        return orgDir.resolve("tlsca");
    }

    static Path orgMsp(Path orgDir) {
        return orgDir.resolve("msp");
    }

    /** A node's folder, e.g. {@code peers/peer0.platform-a.pointsnet.local}. */
    static Path nodeDir(Path orgDir, String nodesFolder, String fqdn) {
        return orgDir.resolve(nodesFolder).resolve(fqdn);
    }

    /** A user's folder, e.g. {@code users/Admin@platform-a.pointsnet.local}. */
    static Path userDir(Path orgDir, String userName, String domain) {
        return orgDir.resolve("users").resolve(userName + "@" + domain);
    }

    static Path chaincodeTlsDir(Path orgDir) {
        return orgDir.resolve("chaincode").resolve("tls");
    }

    /** The signing certificate of a node or user folder, named after the folder. */
    static Path signCert(Path identityDir) {
        return identityDir.resolve("msp").resolve("signcerts").resolve(identityDir.getFileName() + "-cert.pem");
    }

    static Path keystoreKey(Path identityDir) {
        return identityDir.resolve("msp").resolve("keystore").resolve(KEY_FILE);
    }
}
