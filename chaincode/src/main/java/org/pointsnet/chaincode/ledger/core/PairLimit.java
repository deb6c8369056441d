package org.pointsnet.chaincode.ledger.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Daily cap on what leaves the rule's platform towards one destination, in the source's smallest units.
 *
 * @param toPlatformId destination platform
 * @param dailyLimit cap per local day
 */
@JsonPropertyOrder({"toPlatformId", "dailyLimit"})
public record PairLimit(String toPlatformId, long dailyLimit) {}
