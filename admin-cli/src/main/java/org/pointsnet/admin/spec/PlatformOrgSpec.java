package org.pointsnet.admin.spec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loyalty platform's organization: its peers ({@code peer} for one, or a {@code peers} list), its chaincode server
 * (one for all its peers) and its REST gateway, and optionally the
 * PostgreSQL server of the gateway's event projection ({@code projectionDatabase}; absent: embedded H2). The spec
 * reader refuses missing or null fields, so an absent one is injected as empty.
 *
 * <p>{@code gateway} is the org's public gateway address. With {@code gateways} (two or more instances) that address
 * is the org's load balancer (HAProxy), and the instances listen on their own addresses behind it, sharing the org's
 * PostgreSQL ({@code projectionDatabase}, then required) and one key set.
 */
public record PlatformOrgSpec(String name, String platformId, String mspId, String domain,
                              @JsonProperty("peer") @JacksonInject(value = NO_PEER, useInput = OptBoolean.TRUE)
                              Optional<PeerSpec> singlePeer,
                              EndpointSpec chaincodeServer, EndpointSpec gateway,
                              @JacksonInject(value = NO_PROJECTION_DATABASE, useInput = OptBoolean.TRUE)
                              Optional<EndpointSpec> projectionDatabase,
                              @JacksonInject(value = NO_GATEWAY_INSTANCES, useInput = OptBoolean.TRUE)
                              List<EndpointSpec> gateways,
                              @JsonProperty("peers") @JacksonInject(value = NO_PEERS, useInput = OptBoolean.TRUE)
                              List<PeerSpec> peerList) {

    /** Injected when the spec names no projection database (the reader refuses missing fields otherwise). */
    static final String NO_PROJECTION_DATABASE = "noProjectionDatabase";
    /** Injected when the spec lists no gateway instances: one gateway, on {@code gateway}. */
    static final String NO_GATEWAY_INSTANCES = "noGatewayInstances";
    /** Injected when the org has a {@code peers} list instead of {@code peer}. */
    static final String NO_PEER = "noPeer";
    /** Injected when the org has one {@code peer} instead of a {@code peers} list. */
    static final String NO_PEERS = "noPeers";

    /** An org with one peer and one gateway on {@code gateway} (no balancer). */
    public PlatformOrgSpec(String name, String platformId, String mspId, String domain, PeerSpec peer,
                           EndpointSpec chaincodeServer, EndpointSpec gateway,
                           Optional<EndpointSpec> projectionDatabase) {
        this(name, platformId, mspId, domain, Optional.of(peer), chaincodeServer, gateway, projectionDatabase,
            List.of(), List.of());
    }

    /**
     * Every peer of the org in spec order ({@code peer} alone, or the {@code peers} list), unnamed ones named
     * {@code peer<index>}. The first is the org's main peer: the anchor of its admin commands, the one its gateways
     * try first and the one test-network.sh calls {@code peer-<platformId>}; the n-th (from 1) is
     * {@code peer-<platformId>-<n+1>}.
     */
    public List<PeerSpec> peers() {
        List<PeerSpec> listed = new ArrayList<>();
        if (singlePeer != null) {
            singlePeer.ifPresent(listed::add);
        }
        if (peerList != null) {
            listed.addAll(peerList);
        }
        List<PeerSpec> peers = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            PeerSpec peer = listed.get(i);
            peers.add(peer != null && (peer.name() == null || peer.name().isBlank()) ? peer.named("peer" + i) : peer);
        }
        return peers;
    }

    /** The org's main peer (the first of {@link #peers()}). */
    public PeerSpec peer() {
        return peers().get(0);
    }

    /** The suffix of the n-th peer's (from 0) node and file names: none for the first, {@code -<n+1>} after it. */
    public static String peerSuffix(int index) {
        return index == 0 ? "" : "-" + (index + 1);
    }

    /** Whether the org runs several gateways behind a load balancer listening on {@code gateway}. */
    public boolean balanced() {
        return gateways.size() > 1;
    }

    /** The main peer's fully qualified name, e.g. {@code peer0.platform-a.pointsnet.local}. */
    public String peerFqdn() {
        return peer().fqdn(domain);
    }
}
