package org.pointsnet.gateway.support;

import java.util.List;
import java.util.function.BiFunction;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.ledger.LedgerClient;

/** A ledger that only answers evaluations, for tests of code that must never submit (reconciliation reads supply). */
public final class ReadOnlyLedger implements LedgerClient {

    private final BiFunction<LedgerFunction, LedgerRequest, String> evaluations;

    public ReadOnlyLedger(final BiFunction<LedgerFunction, LedgerRequest, String> evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Committed submit(final LedgerFunction function, final LedgerRequest request) {
        throw new UnsupportedOperationException("read-only ledger: " + function.qualifiedName());
    }

    @Override
    public void registerUser(final String userId) {
        throw new UnsupportedOperationException("read-only ledger: user registration");
    }

    @Override
    public Committed submitAsAdmin(final LedgerFunction function, final LedgerRequest request) {
        throw new UnsupportedOperationException("read-only ledger: " + function.qualifiedName());
    }

    @Override
    public String submitPrivately(final LedgerFunction function, final LedgerRequest request,
                                  final List<String> endorsingMspIds) {
        throw new UnsupportedOperationException("read-only ledger: " + function.qualifiedName());
    }

    @Override
    public boolean adminAvailable() {
        return false;
    }

    @Override
    public String evaluate(final LedgerFunction function, final LedgerRequest request) {
        return evaluations.apply(function, request);
    }
}
