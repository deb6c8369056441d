package org.pointsnet.admin.ledger;

/** Ledger calls over a connection that the command closes when done. */
public interface LedgerSession extends LedgerCalls, AutoCloseable {

    @Override
    void close();
}
