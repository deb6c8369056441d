package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A settlement obligation booked by one conversion: the debtor (source) owes the creditor (destination) the value of
 * the points the creditor now owes the user. Written in both platforms' collections.
 *
 * @param period the debtor's settlement period label
 * @param debtorPlatformId source platform
 * @param creditorPlatformId destination platform
 * @param points amountOut in the creditor's smallest units
 * @param value exact value of those points in {@code currency} (the creditor's valuation)
 * @param currency the creditor's currency
 * @param txId the conversion
 */
@JsonPropertyOrder({"period", "debtorPlatformId", "creditorPlatformId", "points", "value", "currency", "txId"})
public record Obligation(String period, String debtorPlatformId, String creditorPlatformId, long points, String value,
        String currency, String txId) {}
