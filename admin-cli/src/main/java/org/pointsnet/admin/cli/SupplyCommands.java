package org.pointsnet.admin.cli;

import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code admin-cli supply}: the member's platform's supply deltas (docs/ledger.md, "Supply deltas and folding"). */
@Command(name = "supply",
        mixinStandardHelpOptions = true,
        description = "The supply deltas of the member's platform.",
        subcommands = {SupplyCommands.Fold.class})
public final class SupplyCommands extends CommandGroup {

    /** {@code supply fold}: what the platform's gateway does by itself, by hand (e.g. with folding turned off). */
    @Command(name = "fold", mixinStandardHelpOptions = true,
            description = {"Folds the platform's supply deltas into its supply total (account:FoldSupply): the "
                + "ones account:GetSupplyDeltas lists now, at most " + Limits.MAX_FOLD_DELTAS + ".",
                "The supply does not change; account:GetSupply reads fewer keys."})
    static final class Fold extends LedgerCommand {
        @Override
        protected int run(LedgerCalls ledger) {
            final List<LedgerRequest.SupplyDelta> deltas = new ArrayList<>();
            for (JsonNode delta : parse(ledger.evaluate(LedgerFunction.GET_SUPPLY_DELTAS,
                    new LedgerRequest.OfPlatform(org())))) {
                deltas.add(new LedgerRequest.SupplyDelta(delta.path("day").asString(), delta.path("txId").asString()));
            }
            progress(deltas.size() + " supply deltas to fold on " + org());
            if (deltas.isEmpty()) {
                out().println(json() ? "null" : "nothing to fold on " + org());
                return 0;
            }
            return printReceipt(ledger.submit(LedgerFunction.FOLD_SUPPLY,
                new LedgerRequest.FoldSupply(requestId(), org(), deltas)));
        }
    }
}
