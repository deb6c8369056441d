package org.pointsnet.admin.spec;

/** A host and port a server listens on (chaincode server, REST gateway). */
public record EndpointSpec(String host, int port) {
}
