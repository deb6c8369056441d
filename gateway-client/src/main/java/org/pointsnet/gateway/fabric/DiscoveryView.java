package org.pointsnet.gateway.fabric;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What discovery on this org's peer reported: the channel's live peers by MSP id and the orderer endpoints of the
 * channel configuration ({@code host:port}).
 */
public record DiscoveryView(Map<String, List<String>> peersByMsp, List<String> orderers) {

    public DiscoveryView {
        peersByMsp = Map.copyOf(new TreeMap<>(peersByMsp));
        orderers = List.copyOf(orderers);
    }

    /** Where a view comes from: the peer's discovery service, or a fake in tests. */
    @FunctionalInterface
    public interface Source {

        /** @throws LedgerException when the peer cannot answer */
        DiscoveryView discover();
    }
}
