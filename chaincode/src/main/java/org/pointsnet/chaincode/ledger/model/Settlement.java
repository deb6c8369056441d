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
 * @param conversions the conversions netted into {@code obligations} (what settlement:StoreStatement takes)
 * @param statement the statement stored on chain for the period, or null while none is
 * @param statementMatchesLedger whether the stored statement covers exactly the conversions netted now; null without
 *     a statement (false: a conversion was left out of it, or a copy changed since)
 * @param payments the stored statement's payments and what each side confirmed; empty without a statement
 */
@JsonPropertyOrder({"period", "closedBy", "obligations", "netPositions", "disputes", "conversions", "statement",
    "statementMatchesLedger", "payments"})
public record Settlement(String period, List<String> closedBy, List<PairObligation> obligations,
        List<NetPosition> netPositions, List<Dispute> disputes, List<Conversion> conversions, Statement statement,
        Boolean statementMatchesLedger, List<PaymentStatus> payments) {
    /** The live netting, before the stored statement and confirmations are looked at. */
    public Settlement(final String period, final List<String> closedBy, final List<PairObligation> obligations,
            final List<NetPosition> netPositions, final List<Dispute> disputes, final List<Conversion> conversions) {
        this(period, closedBy, obligations, netPositions, disputes, conversions, null, null, List.of());
    }

    /** This report with the stored statement and its payments' confirmation status. */
    public Settlement withStatement(final Statement stored, final List<PaymentStatus> statuses) {
        return new Settlement(period, closedBy, obligations, netPositions, disputes, conversions, stored,
                stored.conversions().equals(conversions) && stored.obligations().equals(obligations), statuses);
    }

    /**
     * One conversion netted: both sides booked it identically.
     *
     * @param txId the conversion
     * @param debtorPlatformId its source platform
     * @param creditorPlatformId its destination platform
     */
    @JsonPropertyOrder({"txId", "debtorPlatformId", "creditorPlatformId"})
    public record Conversion(String txId, String debtorPlatformId, String creditorPlatformId) {}

    /**
     * A statement payment and its confirmations.
     *
     * @param payerPlatformId pays
     * @param payeePlatformId receives
     * @param currency currency
     * @param amount what the statement says is due
     * @param status {@link #OPEN}, {@link #CONFIRMED} or {@link #DISPUTED}
     * @param paidAmount what the payer confirmed it paid, or null
     * @param receivedAmount what the payee confirmed it received, or null
     */
    @JsonPropertyOrder({"payerPlatformId", "payeePlatformId", "currency", "amount", "status", "paidAmount",
        "receivedAmount"})
    public record PaymentStatus(String payerPlatformId, String payeePlatformId, String currency, String amount,
            String status, String paidAmount, String receivedAmount) {
        /** At least one side has not confirmed yet. */
        public static final String OPEN = "OPEN";
        /** Both sides confirmed the amount due. */
        public static final String CONFIRMED = "CONFIRMED";
        /** Both sides confirmed, and their amounts differ from each other or from the amount due. */
        public static final String DISPUTED = "DISPUTED";
    }

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
