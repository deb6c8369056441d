package org.pointsnet.chaincode.ledger.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One side's record of a statement payment, in its own collection ({@code confirm~<period>~<counterparty>~<currency>}
 * in {@code ledger-<platformId>}): only that platform's peer can write it, so no other member can forge it.
 *
 * @param period the period label
 * @param platformId the confirming side
 * @param counterpartyPlatformId the other side of the payment
 * @param role {@link #PAYER} or {@link #PAYEE}
 * @param currency currency of the amount
 * @param amount what the confirming side says it paid (payer) or received (payee), exact decimal
 * @param statementVersion the version of the statement confirmed
 */
@JsonPropertyOrder({"period", "platformId", "counterpartyPlatformId", "role", "currency", "amount", "statementVersion"})
public record Confirmation(String period, String platformId, String counterpartyPlatformId, String role,
        String currency, String amount, long statementVersion) {
    /** The confirming side pays. */
    public static final String PAYER = "PAYER";
    /** The confirming side receives. */
    public static final String PAYEE = "PAYEE";
}
