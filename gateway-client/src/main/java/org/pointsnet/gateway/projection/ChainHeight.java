package org.pointsnet.gateway.projection;

/** The channel's height on this org's peer: the number of blocks it has committed (the next block's number). */
@FunctionalInterface
public interface ChainHeight {

    long current();
}
