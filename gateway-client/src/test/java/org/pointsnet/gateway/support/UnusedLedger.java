package org.pointsnet.gateway.support;

import java.util.List;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.ledger.LedgerClient;

/**
 * A ledger whose every call fails as not expected by the test; a test's fake extends it and answers only the calls
 * the code under test may make, so an unexpected call shows which one it was.
 */
public abstract class UnusedLedger implements LedgerClient {

    @Override
    public Committed submit(final LedgerFunction function, final LedgerRequest request) {
        throw unexpected(function.qualifiedName());
    }

    @Override
    public void registerUser(final String userId) {
        throw unexpected("user registration");
    }

    @Override
    public Committed submitAsAdmin(final LedgerFunction function, final LedgerRequest request) {
        throw unexpected(function.qualifiedName() + " as admin");
    }

    @Override
    public String submitPrivately(final LedgerFunction function, final LedgerRequest request,
                                  final List<String> endorsingMspIds) {
        throw unexpected(function.qualifiedName() + " with private data");
    }

    @Override
    public boolean adminAvailable() {
        return false;
    }

    @Override
    public String evaluate(final LedgerFunction function, final LedgerRequest request) {
        throw unexpected(function.qualifiedName() + " (evaluate)");
    }

    private UnsupportedOperationException unexpected(final String call) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not expect " + call);
    }
}
