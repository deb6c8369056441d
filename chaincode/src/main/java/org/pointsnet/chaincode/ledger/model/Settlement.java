package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A settlement period's obligations between platforms and each platform's multilateral net position.
 *
 * @param period the period label
 * @param closedBy platforms that closed the period (no conversion books into it on their side any more)
 * @param obligations per (debtor, creditor, currency), summed over the conversions both sides booked identically
 * @param netPositions per (platform, currency): what it is owed minus what it owes, from {@code obligations} only
 * @param disputes conversions whose two copies are not identical (one missing, or different): never netted
 */
@JsonPropertyOrder({"period", "closedBy", "obligations", "netPositions", "disputes"})
public record Settlement(String period, List<String> closedBy, List<PairObligation> obligations,
        List<NetPosition> netPositions, List<Dispute> disputes) {
    /**
     * Sum of one pair's obligations.
     *
     * @param debtorPlatformId owes
     * @param creditorPlatformId is owed
     * @param currency currency of value
     * @param points points credited on the creditor
     * @param value exact value, booked identically by both sides
     * @param creditorValue the same sum as the creditor booked it (always equal to {@code value}; kept for readers of
     *     the earlier format, where the two could differ)
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

    /**
     * One conversion's obligation that the two sides did not book identically, so it is left out of netting until they
     * reconcile it off-ledger or correct their copy.
     *
     * @param txId the conversion
     * @param debtorPlatformId owes, by the copies
     * @param creditorPlatformId is owed, by the copies
     * @param reason {@link #MISSING_DEBTOR_COPY}, {@link #MISSING_CREDITOR_COPY} or {@link #COPIES_DIFFER}
     * @param debtorCopy the debtor's copy, or null
     * @param creditorCopy the creditor's copy, or null
     */
    @JsonPropertyOrder({"txId", "debtorPlatformId", "creditorPlatformId", "reason", "debtorCopy", "creditorCopy"})
    public record Dispute(String txId, String debtorPlatformId, String creditorPlatformId, String reason,
            Obligation debtorCopy, Obligation creditorCopy) {
        /** Only the creditor has a copy (the debtor never booked it, or deleted it). */
        public static final String MISSING_DEBTOR_COPY = "MISSING_DEBTOR_COPY";
        /** Only the debtor has a copy (the creditor never booked it, or deleted it). */
        public static final String MISSING_CREDITOR_COPY = "MISSING_CREDITOR_COPY";
        /** Both have a copy and they differ in some field. */
        public static final String COPIES_DIFFER = "COPIES_DIFFER";
    }
}
