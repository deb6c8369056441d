package org.pointsnet.admin.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.List;
import java.util.Optional;

/**
 * A loyalty platform's organization: one peer, its chaincode server and its REST gateway, and optionally the
 * PostgreSQL server of the gateway's event projection ({@code projectionDatabase}; absent: embedded H2). The spec
 * reader refuses missing or null fields, so an absent one is injected as empty.
 *
 * <p>{@code gateway} is the org's public gateway address. With {@code gateways} (two or more instances) that address
 * is the org's load balancer (HAProxy), and the instances listen on their own addresses behind it, sharing the org's
 * PostgreSQL ({@code projectionDatabase}, then required) and one key set.
 */
public record PlatformOrgSpec(String name, String platformId, String mspId, String domain, PeerSpec peer,
                              EndpointSpec chaincodeServer, EndpointSpec gateway,
                              @JacksonInject(value = NO_PROJECTION_DATABASE, useInput = OptBoolean.TRUE)
                              Optional<EndpointSpec> projectionDatabase,
                              @JacksonInject(value = NO_GATEWAY_INSTANCES, useInput = OptBoolean.TRUE)
                              List<EndpointSpec> gateways) {

    /** Injected when the spec names no projection database (the reader refuses missing fields otherwise). */
    static final String NO_PROJECTION_DATABASE = "noProjectionDatabase";
    /** Injected when the spec lists no gateway instances: one gateway, on {@code gateway}. */
    static final String NO_GATEWAY_INSTANCES = "noGatewayInstances";

    /** An org with one gateway on {@code gateway} (no balancer). */
    public PlatformOrgSpec(String name, String platformId, String mspId, String domain, PeerSpec peer,
                           EndpointSpec chaincodeServer, EndpointSpec gateway,
                           Optional<EndpointSpec> projectionDatabase) {
        this(name, platformId, mspId, domain, peer, chaincodeServer, gateway, projectionDatabase, List.of());
    }

    /** Whether the org runs several gateways behind a load balancer listening on {@code gateway}. */
    public boolean balanced() {
        return gateways.size() > 1;
    }

    /** The peer's fully qualified name, e.g. {@code peer0.platform-a.pointsnet.local}. */
    public String peerFqdn() {
        return peer.name() + "." + domain;
    }
}
