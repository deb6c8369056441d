package org.pointsnet.gateway.events;

import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/** Opens the channel's stream of committed blocks from {@code startBlock}; a seam so the listener can be tested. */
@FunctionalInterface
public interface BlockSource {

    CloseableIterator<Block> open(long startBlock);
}
