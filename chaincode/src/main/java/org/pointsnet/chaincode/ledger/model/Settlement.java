package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A settlement period's obligations between platforms and each platform's multilateral net position.
 *
 * @param period the period label
 * @param closedBy platforms that closed the period (no conversion books into it on their side any more)
 * @param obligations per (debtor, creditor, currency), summed from the debtors' collections
 * @param netPositions per (platform, currency): what it is owed minus what it owes
 */
@JsonPropertyOrder({"period", "closedBy", "obligations", "netPositions"})
public record Settlement(String period, List<String> closedBy, List<PairObligation> obligations,
        List<NetPosition> netPositions) {
    /**
     * Sum of one pair's obligations.
     *
     * @param debtorPlatformId owes
     * @param creditorPlatformId is owed
     * @param currency currency of value
     * @param points points credited on the creditor
     * @param value exact value, as booked in the debtor's collection
     * @param creditorValue the same sum as booked in the creditor's collection (equal unless a side is inconsistent)
     */
    @JsonPropertyOrder({"debtorPlatformId", "creditorPlatformId", "currency", "points", "value", "creditorValue"})
    public record PairObligation(String debtorPlatformId, String creditorPlatformId, String currency, long points,
            String value, String creditorValue) {}

    /**
     * A platform's net position in one currency.
     *
     * @param platformId the platform
     * @param currency the currency
     * @param net owed to it minus owed by it (negative: it pays)
     */
    @JsonPropertyOrder({"platformId", "currency", "net"})
    public record NetPosition(String platformId, String currency, String net) {}
}
