package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Receipt detail of an expiry: per user with points due, what left the supply, by user id.
 *
 * @param expired the users whose lots were removed
 * @param skipped named users with nothing expired at the transaction time (unchanged)
 */
@JsonPropertyOrder({"expired", "skipped"})
public record ExpireDetail(List<ExpiredLots> expired, int skipped) {
    /** Copies the list. */
    public ExpireDetail {
        expired = List.copyOf(expired);
    }
}
