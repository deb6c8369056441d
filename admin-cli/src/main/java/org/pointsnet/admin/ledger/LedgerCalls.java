package org.pointsnet.admin.ledger;

import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

/** The two ledger calls the commands make; tests answer them without a network. */
public interface LedgerCalls {

    /** Endorses, orders and waits for the commit; returns the chaincode's answer (a receipt). */
    String submit(LedgerFunction function, LedgerRequest request);

    /** Evaluates on the org's peer; returns the chaincode's JSON answer. */
    String evaluate(LedgerFunction function, LedgerRequest request);
}
