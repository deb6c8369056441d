package org.pointsnet.admin.network;

import java.nio.file.Path;

/**
 * The runtime folder test-network.sh works in (git-ignored): crypto material, rendered
 * configuration, node data, logs and pid files. One place names every path in it.
 */
public record RuntimeLayout(Path root) {

    public Path crypto() {
        return root.resolve("crypto");
    }

    public Path config() {
        return root.resolve("config");
    }

    public Path collectionsConfig() {
        return config().resolve("collections.json");
    }

    public Path networkEnv() {
        return root.resolve("network.env");
    }

    public Path orderer(String fqdn) {
        return root.resolve("orderers").resolve(fqdn);
    }

    public Path platform(String platformId) {
        return root.resolve("platforms").resolve(platformId);
    }

    /** A platform org admin's peer CLI environment (rendered by network render or org create). */
    public Path platformAdminEnv(String platformId) {
        return platform(platformId).resolve("admin.env");
    }

    /** The orderer org admin's peer CLI environment: signs changes of the Orderer group (batch settings). */
    public Path ordererOrgAdminEnv() {
        return root.resolve("orderer-org-admin.env");
    }

    /** What a joining org hands to the consortium: its configtxgen definition and public MSP (org create). */
    public Path orgDefinition(String platformId) {
        return platform(platformId).resolve("org-definition");
    }

    public Path chaincodePackage(String platformId) {
        return platform(platformId).resolve("chaincode");
    }
}
