package org.pointsnet.gateway.fabric;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this org's peer gateway reaches now ({@link NetworkProbe}): the orgs with a live peer that runs the chaincode,
 * by MSP id, and the orderer endpoints of the channel configuration ({@code host:port}; empty when it could not be
 * read).
 */
public record DiscoveryView(Map<String, List<String>> peersByMsp, List<String> orderers) {

    public DiscoveryView {
        peersByMsp = Map.copyOf(new TreeMap<>(peersByMsp));
        orderers = List.copyOf(orderers);
    }

    /** Where a view comes from: the probe through this org's peer, or a fake in tests. */
    @FunctionalInterface
    public interface Source {

        /** @throws LedgerException when the peer cannot answer */
        DiscoveryView discover();
    }
}
