package org.pointsnet.gateway.ledger;

import java.util.List;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Receipt;

/**
 * Calls the points chaincode: a {@link LedgerFunction} with its {@link LedgerRequest} (docs/ledger.md, "Functions").
 *
 * <p>Failures are {@link org.pointsnet.gateway.fabric.LedgerException}s: a coded chaincode refusal is a
 * {@link org.pointsnet.gateway.fabric.ChaincodeRejectedException}, an unreachable peer or a conflict that
 * outlived the retries a {@link org.pointsnet.gateway.fabric.LedgerUnavailableException}. A function of the wrong
 * kind, or a request of another function's shape, is a programming error: {@link IllegalArgumentException}.
 */
public interface LedgerClient {

    /**
     * Submits a {@link LedgerFunction.Kind#SUBMIT} function as the org's client identity and waits for the commit
     * on this org's peer. A transaction that loses a read conflict is endorsed again with the same request (the
     * chaincode is idempotent by request id).
     */
    Committed submit(LedgerFunction function, LedgerRequest request);

    /**
     * Registers a network user id on the ledger ({@code user:Register} in its platform's collection), with this org's
     * client identity. Idempotent: registering an id again changes nothing. Returns nothing: a registration moves no
     * points and has no receipt.
     */
    void registerUser(String userId);

    /**
     * Like {@link #submit} but signed by the org's operator identity (Operator@: a client certificate with the
     * chaincode's operator role), for platform admin functions. Never the org's Admin@, its channel admin.
     */
    Committed submitAsAdmin(LedgerFunction function, LedgerRequest request);

    /**
     * Submits a function whose request must stay out of the block (identity links: {@code link:*}) as transient data,
     * endorsed by exactly the peers of {@code endorsingMspIds} (the orgs that hold the data), as the org's client
     * identity; returns the function's JSON answer. These functions write no receipt and emit no event.
     */
    String submitPrivately(LedgerFunction function, LedgerRequest request, List<String> endorsingMspIds);

    /** Whether an admin identity is configured; without one {@link #submitAsAdmin} throws. */
    boolean adminAvailable();

    /** Evaluates a {@link LedgerFunction.Kind#EVALUATE} function on this org's peer; returns the JSON answer. */
    String evaluate(LedgerFunction function, LedgerRequest request);

    /**
     * A committed submit.
     *
     * @param txId        the transaction that made the effect: for a repeated request id the first one (the
     *                    receipt's), not the repeat's own transaction, which changed nothing
     * @param blockNumber block {@code txId} committed in
     * @param receipt     the function's result, the receipt of what the transaction did
     */
    record Committed(String txId, long blockNumber, Receipt receipt) {
    }
}
