package org.pointsnet.gateway.events;

import java.util.List;

/**
 * Takes each block's events, in block order, exactly once per successful call. {@link #nextBlock()} is where the
 * stream resumes: a handler that stores its position with its data (in one transaction) resumes with no gap and
 * no double count after a crash. A handler should throw only for what a retry can cure (its store is down): an
 * event that is bad now is bad at every retry, so it is the handler's to record and pass over, or the listener
 * stops at that block for good.
 */
public interface BlockHandler {

    /** The first block not yet handled. */
    long nextBlock();

    /** Handles block {@code blockNumber} and its events; afterwards {@link #nextBlock()} is past it. */
    void handle(long blockNumber, List<TransactionEvent> events);
}
