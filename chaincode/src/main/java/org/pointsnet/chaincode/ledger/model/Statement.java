package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A period's settlement statement as stored on chain (public key {@code statement~<period>}): gross obligations per
 * pair, each platform's multilateral net position, the payments that settle them, and the conversions it covers.
 *
 * @param period the period label
 * @param storedBy the platform whose operator stored it
 * @param version the number of conversions covered: a later statement of the period must cover strictly more, so the
 *     version identifies the statement a confirmation refers to
 * @param obligations per (debtor, creditor, currency), summed over {@code conversions}
 * @param netPositions per (platform, currency), summing to zero per currency
 * @param payments who pays whom how much, settling exactly the net positions
 * @param conversions the conversions covered, each booked identically by both sides
 */
@JsonPropertyOrder({"period", "storedBy", "version", "obligations", "netPositions", "payments", "conversions"})
public record Statement(String period, String storedBy, long version, List<Settlement.PairObligation> obligations,
        List<Settlement.NetPosition> netPositions, List<Payment> payments, List<Settlement.Conversion> conversions) {
    /**
     * One payment of a statement.
     *
     * @param payerPlatformId pays (its net position is negative)
     * @param payeePlatformId receives (its net position is positive)
     * @param currency currency of the amount
     * @param amount exact decimal, positive
     */
    @JsonPropertyOrder({"payerPlatformId", "payeePlatformId", "currency", "amount"})
    public record Payment(String payerPlatformId, String payeePlatformId, String currency, String amount) {}
}
