package org.pointsnet.chaincode.testing;

import java.util.Objects;
import java.util.Set;

/** A simulated transaction with the MSP ids of the peers that endorsed it, as it reaches the orderer. */
public record Endorsed(SimulatedTransaction tx, Set<String> endorsingMspIds) {
    public Endorsed {
        Objects.requireNonNull(tx, "tx");
        endorsingMspIds = Set.copyOf(endorsingMspIds);
    }
}
