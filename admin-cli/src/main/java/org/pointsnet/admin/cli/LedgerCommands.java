package org.pointsnet.admin.cli;

import org.pointsnet.admin.ledger.LedgerOpener;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates the command objects, handing every ledger command the session opener. */
public final class LedgerCommands {

    private LedgerCommands() {
    }

    /** picocli's default factory, plus {@code opener} for each {@link LedgerCommand}. */
    public static IFactory factory(LedgerOpener opener) {
        IFactory defaults = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = defaults.create(type);
                if (made instanceof LedgerCommand command) {
                    command.opener(opener);
                }
                return made;
            }
        };
    }
}
