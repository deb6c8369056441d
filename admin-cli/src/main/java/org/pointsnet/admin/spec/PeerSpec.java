package org.pointsnet.admin.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A peer node: its short name, host and the three ports it listens on. In a {@code peers} list the name may be left
 * out: the org's n-th peer (from 0) is then {@code peer<n>}.
 */
public record PeerSpec(@JacksonInject(value = DEFAULT_NAME, useInput = OptBoolean.TRUE) String name, String host,
                       int port, int chaincodeListenPort, int operationsPort) {

    /** Injected when the spec names no peer name: the blank name {@link PlatformOrgSpec#peers()} replaces. */
    static final String DEFAULT_NAME = "defaultPeerName";

    /** The node's fully qualified name inside its org, e.g. {@code peer0.platform-a.pointsnet.local}. */
    public String fqdn(String orgDomain) {
        return name + "." + orgDomain;
    }

    PeerSpec named(String newName) {
        return new PeerSpec(newName, host, port, chaincodeListenPort, operationsPort);
    }
}
