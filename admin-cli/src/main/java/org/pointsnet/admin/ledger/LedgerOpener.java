package org.pointsnet.admin.ledger;

import java.util.function.Consumer;

/** Opens a session to an org's peer; tests open one that answers without a network. */
@FunctionalInterface
public interface LedgerOpener {

    /** The Fabric Gateway session of {@link LedgerConnection}. */
    LedgerOpener FABRIC = LedgerConnection::open;

    /** A session as {@code settings} say, reporting progress lines to {@code progress}. */
    LedgerSession open(ConnectionSettings settings, Consumer<String> progress);
}
