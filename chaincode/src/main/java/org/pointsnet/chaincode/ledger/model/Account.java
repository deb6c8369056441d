package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A user's account on one platform ({@code acct~<userId>}): the balance and, inside the same record, the lots of it
 * that expire, earliest first. {@code value − Σ lots} never expires (credited while the platform had no expiry rule,
 * or to the fee account). Without lots the record is {@code {"value":n}}, as it was before expiry existed.
 *
 * @param value the whole balance, expired lots not yet removed included
 * @param lots the expiring part, earliest expiry first, at most {@code Limits.MAX_LOTS}
 */
@JsonPropertyOrder({"value", "lots"})
public record Account(long value, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Lot> lots) {
    /** An absent lot list is none. */
    public Account {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    /** An account without expiring lots. */
    public static Account of(final long value) {
        return new Account(value, List.of());
    }
}
