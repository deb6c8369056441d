package org.pointsnet.gateway.support;

import java.util.function.BiFunction;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

/** A ledger that only answers evaluations, for tests of code that must never submit (reconciliation reads supply). */
public final class ReadOnlyLedger extends UnusedLedger {

    private final BiFunction<LedgerFunction, LedgerRequest, String> evaluations;

    public ReadOnlyLedger(final BiFunction<LedgerFunction, LedgerRequest, String> evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public String evaluate(final LedgerFunction function, final LedgerRequest request) {
        return evaluations.apply(function, request);
    }
}
