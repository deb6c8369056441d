package org.pointsnet.admin.spec;

/** An orderer node: its short name, host, and client, admin and operations ports. */
public record OrdererNodeSpec(String name, String host, int port, int adminPort, int operationsPort) {

    /** The node's fully qualified name inside its org, e.g. {@code orderer0.orderer.pointsnet.local}. */
    public String fqdn(String orgDomain) {
        return name + "." + orgDomain;
    }
}
