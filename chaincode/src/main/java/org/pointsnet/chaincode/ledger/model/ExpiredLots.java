package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One user's part of an expiry receipt: the lots removed and their sum (the user's posting is −amount).
 *
 * @param userId the user
 * @param amount points removed
 * @param lots the removed lots, earliest first
 */
@JsonPropertyOrder({"userId", "amount", "lots"})
public record ExpiredLots(String userId, long amount, List<Lot> lots) {
    /** Copies the list. */
    public ExpiredLots {
        lots = List.copyOf(lots);
    }
}
