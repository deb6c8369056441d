package org.pointsnet.gateway.projection;

import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How far the projection is behind the peer: committed blocks not yet stored. */
public final class ListenerProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerProgress.class);

    private final ProjectionStore store;
    private final ChainHeight height;
    private final long maxLagBlocks;

    public ListenerProgress(final ProjectionStore store, final ChainHeight height, final long maxLagBlocks) {
        this.store = store;
        this.height = height;
        this.maxLagBlocks = maxLagBlocks;
    }

    /** Blocks the peer committed that the projection has not stored yet; empty when either cannot be read. */
    public OptionalLong lagBlocks() {
        try {
            return OptionalLong.of(Math.max(0, height.current() - store.nextBlock()));
        } catch (RuntimeException e) {
            LOG.debug("listener lag unknown: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** The lag above which the gateway reports itself not ready. */
    public long maxLagBlocks() {
        return maxLagBlocks;
    }
}
