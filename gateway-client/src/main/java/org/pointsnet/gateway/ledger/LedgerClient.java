package org.pointsnet.gateway.ledger;

/**
 * Calls the points chaincode. Every function takes one JSON string argument (docs/ledger.md, "Functions").
 *
 * <p>Failures are {@link org.pointsnet.gateway.fabric.LedgerException}s: a coded chaincode refusal is a
 * {@link org.pointsnet.gateway.fabric.ChaincodeRejectedException}, an unreachable peer or a conflict that
 * outlived the retries a {@link org.pointsnet.gateway.fabric.LedgerUnavailableException}.
 */
public interface LedgerClient {

    /**
     * Submits as the org's client identity and waits for the commit on this org's peer. A transaction that
     * loses a read conflict is endorsed again with the same request (the chaincode is idempotent by request id).
     */
    Committed submit(String function, String requestJson);

    /** Like {@link #submit} but signed by the org's admin identity (OU=admin), for platform admin functions. */
    Committed submitAsAdmin(String function, String requestJson);

    /** Whether an admin identity is configured; without one {@link #submitAsAdmin} throws. */
    boolean adminAvailable();

    /** Evaluates a query function on this org's peer; returns the JSON answer. */
    String evaluate(String function, String requestJson);

    /**
     * A committed submit.
     *
     * @param txId        the transaction that made the effect: for a repeated request id the first one (the
     *                    receipt's), not the repeat's own transaction, which changed nothing
     * @param blockNumber block {@code txId} committed in
     * @param resultJson  the function's result: for mutating functions the receipt
     */
    record Committed(String txId, long blockNumber, String resultJson) {
    }
}
