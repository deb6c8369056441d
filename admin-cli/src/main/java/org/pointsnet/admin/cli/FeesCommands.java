package org.pointsnet.admin.cli;

import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code admin-cli fees}: the member's fee credits. */
@Command(name = "fees",
        mixinStandardHelpOptions = true,
        description = "Conversion fees credited to the member's platform.",
        subcommands = {FeesCommands.Sweep.class})
public final class FeesCommands extends CommandGroup {

    /** Most credits one account:SweepFees folds. */
    static final int MAX_PER_SWEEP = 100;

    /** {@code fees sweep}. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = {"Folds fee credits into the platform's fee account (account:SweepFees).",
                "Without --tx-id: the credits account:GetFeeCredits lists now, at most " + MAX_PER_SWEEP + "."})
    static final class Sweep extends LedgerCommand {
        @Option(names = "--tx-id", paramLabel = "<txId>", description = "A credit to fold; repeatable.")
        private List<String> txIds;

        @Override
        protected int run(LedgerCalls ledger) {
            List<String> credits = txIds;
            if (credits == null || credits.isEmpty()) {
                credits = new ArrayList<>();
                for (JsonNode credit : parse(ledger.evaluate(LedgerFunction.GET_FEE_CREDITS,
                        new LedgerRequest.OfPlatform(org())))) {
                    if (credits.size() < MAX_PER_SWEEP) {
                        credits.add(credit.path("txId").asString());
                    }
                }
                progress(credits.size() + " fee credits to sweep on " + org());
                if (credits.isEmpty()) {
                    out().println(json() ? "null" : "nothing to sweep on " + org());
                    return 0;
                }
            }
            return printReceipt(ledger.submit(LedgerFunction.SWEEP_FEES,
                new LedgerRequest.SweepFees(requestId(), org(), credits)));
        }
    }
}
