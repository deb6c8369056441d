package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A user's balance on one platform split by expiry.
 *
 * @param platformId the platform
 * @param balance the whole balance
 * @param spendable what a transaction now may spend (the balance without expired lots)
 * @param neverExpires the part that never expires
 * @param lots the expiring lots, earliest first
 */
@JsonPropertyOrder({"platformId", "balance", "spendable", "neverExpires", "lots"})
public record PlatformLots(String platformId, long balance, long spendable, long neverExpires, List<LotView> lots) {
    /** Copies the list. */
    public PlatformLots {
        lots = List.copyOf(lots);
    }
}
