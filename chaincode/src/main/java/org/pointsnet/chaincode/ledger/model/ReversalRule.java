package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How long after a transaction a platform reverses it (issue, burn, or a conversion it took part in); 0: never.
 *
 * @param version increases with every change
 * @param windowSeconds the window, 0 to {@code Limits.MAX_REVERSAL_WINDOW_SECONDS}
 */
@JsonPropertyOrder({"version", "windowSeconds"})
public record ReversalRule(long version, long windowSeconds) {}
