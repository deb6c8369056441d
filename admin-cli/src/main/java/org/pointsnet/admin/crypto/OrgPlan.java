package org.pointsnet.admin.crypto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to generate for one organization: its CAs, its nodes (peers or orderers), its
 * users and, for platform orgs, TLS certificates of the chaincode server (and of the peer as its client) and of
 * the REST gateway.
 *
 * @param nodesFolder    {@code peers} or {@code orderers}
 * @param nodeOu         the NodeOU of the nodes' signing certificates
 * @param chaincodeHost  host of the org's chaincode server, or null for none
 * @param gatewayHosts   hosts of the org's REST gateway (its public host first, then each instance's); empty for none
 */
record OrgPlan(String name, String domain, Path dir, String nodesFolder, String nodeOu, List<Node> nodes,
               List<User> users, String chaincodeHost, List<String> gatewayHosts) {

    OrgPlan {
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
        gatewayHosts = List.copyOf(gatewayHosts);
    }

    /** A node by its short name and the host it is reached at. */
    record Node(String name, String host) {
    }

    /**
     * A user by name (Admin, User1, Operator), NodeOU (admin, client) and certificate attributes (Fabric CA's
     * attribute extension; empty for none).
     */
    record User(String name, String ou, Map<String, String> attributes) {

        User {
            attributes = Map.copyOf(attributes);
        }

        User(String name, String ou) {
            this(name, ou, Map.of());
        }
    }

    String fqdn(Node node) {
        return node.name() + "." + domain;
    }

    /** The files a complete generation leaves in a node's folder. */
    List<Path> nodeFiles(Node node) {
        Path nodeDir = nodeDir(node);
        return List.of(CryptoLayout.signCert(nodeDir), CryptoLayout.keystoreKey(nodeDir),
            nodeDir.resolve("tls").resolve("server.crt"), nodeDir.resolve("tls").resolve("server.key"));
    }

    Path nodeDir(Node node) {
        return CryptoLayout.nodeDir(dir, nodesFolder, fqdn(node));
    }

    /** The files a complete generation of this org leaves in {@link #dir()}. */
    List<Path> expectedFiles() {
        List<Path> files = new ArrayList<>();
        files.add(CryptoLayout.caDir(dir).resolve(CryptoLayout.caCertFile(domain)));
        files.add(CryptoLayout.caDir(dir).resolve(CryptoLayout.KEY_FILE));
        files.add(CryptoLayout.tlsCaDir(dir).resolve(CryptoLayout.tlsCaCertFile(domain)));
        files.add(CryptoLayout.tlsCaDir(dir).resolve(CryptoLayout.KEY_FILE));
        files.add(CryptoLayout.orgMsp(dir).resolve("config.yaml"));
        for (Node node : nodes) {
            files.addAll(nodeFiles(node));
        }
        for (User user : users) {
            Path userDir = CryptoLayout.userDir(dir, user.name(), domain);
            files.add(CryptoLayout.signCert(userDir));
            files.add(CryptoLayout.keystoreKey(userDir));
            files.add(userDir.resolve("tls").resolve("client.crt"));
            files.add(userDir.resolve("tls").resolve("client.key"));
        }
        if (chaincodeHost != null) {
            files.add(CryptoLayout.chaincodeTlsDir(dir).resolve("server.crt"));
            files.add(CryptoLayout.chaincodeTlsDir(dir).resolve("server.key"));
            files.add(CryptoLayout.chaincodeTlsDir(dir).resolve(CryptoLayout.CHAINCODE_CLIENT + ".crt"));
            files.add(CryptoLayout.chaincodeTlsDir(dir).resolve(CryptoLayout.CHAINCODE_CLIENT + ".key"));
        }
        if (!gatewayHosts.isEmpty()) {
            files.add(CryptoLayout.gatewayTlsDir(dir).resolve("server.crt"));
            files.add(CryptoLayout.gatewayTlsDir(dir).resolve("server.key"));
        }
        return files;
    }
}
