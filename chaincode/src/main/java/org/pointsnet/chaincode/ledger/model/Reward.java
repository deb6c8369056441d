package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A catalog entry (seed §5.2). The remaining stock lives in shards, not here.
 *
 * @param platformId owning platform
 * @param rewardId id within the platform
 * @param name display name
 * @param points price of one unit, in smallest units
 * @param stock stock set by the last change (the shards then count down)
 * @param perUserLimit most units one user may redeem in total, null for no limit
 * @param activeFrom first instant it can be redeemed (ISO-8601), null for always
 * @param activeUntil instant from which it can no longer be redeemed, null for never
 * @param version increases by one on every change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"platformId", "rewardId", "name", "points", "stock", "perUserLimit", "activeFrom", "activeUntil",
        "version"})
public record Reward(String platformId, String rewardId, String name, long points, long stock, Long perUserLimit,
        String activeFrom, String activeUntil, long version) {}
