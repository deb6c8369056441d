package org.pointsnet.admin.spec;

/** A peer node: its short name, host and the three ports it listens on. */
public record PeerSpec(String name, String host, int port, int chaincodeListenPort, int operationsPort) {
}
