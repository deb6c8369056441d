package org.pointsnet.admin.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.Optional;

/**
 * A loyalty platform's organization: one peer, its chaincode server and its REST gateway, and optionally the
 * PostgreSQL server of the gateway's event projection ({@code projectionDatabase}; absent: embedded H2). The spec
 * reader refuses missing or null fields, so an absent one is injected as empty.
 */
public record PlatformOrgSpec(String name, String platformId, String mspId, String domain, PeerSpec peer,
                              EndpointSpec chaincodeServer, EndpointSpec gateway,
                              @JacksonInject(value = NO_PROJECTION_DATABASE, useInput = OptBoolean.TRUE)
                              Optional<EndpointSpec> projectionDatabase) {

    /** Injected when the spec names no projection database (the reader refuses missing fields otherwise). */
    static final String NO_PROJECTION_DATABASE = "noProjectionDatabase";

    /** The peer's fully qualified name, e.g. {@code peer0.platform-a.pointsnet.local}. */
    public String peerFqdn() {
        return peer.name() + "." + domain;
    }
}
