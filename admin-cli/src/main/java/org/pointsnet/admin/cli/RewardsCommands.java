package org.pointsnet.admin.cli;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin-cli rewards}: the member's reward catalog. */
@Command(name = "rewards",
        mixinStandardHelpOptions = true,
        description = "The member's reward catalog: put an entry, list the catalog.",
        subcommands = {RewardsCommands.Put.class, RewardsCommands.ListRewards.class})
public final class RewardsCommands extends CommandGroup {

    /** {@code rewards put}. */
    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Creates or replaces a reward of the member's platform (reward:PutReward).")
    static final class Put extends LedgerCommand {
        @Option(names = "--reward-id", required = true, description = "Reward id, visible ASCII.")
        private String rewardId;
        @Option(names = "--name", required = true, description = "Display name.")
        private String name;
        @Option(names = "--points", required = true, description = "Price in points.")
        private long points;
        @Option(names = "--stock", required = true, description = "Units available.")
        private long stock;
        @Option(names = "--per-user-limit", description = "Most units one user may redeem.")
        private Long perUserLimit;
        @Option(names = "--active-from", description = "ISO-8601 instant, e.g. 2026-12-01T00:00:00Z.")
        private String activeFrom;
        @Option(names = "--active-until", description = "ISO-8601 instant, after --active-from.")
        private String activeUntil;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.PUT_REWARD, new LedgerRequest.PutReward(requestId(), org(),
                rewardId, name, points, stock, perUserLimit, activeFrom, activeUntil)));
        }
    }

    /** {@code rewards list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a platform's rewards with their remaining stock (reward:ListRewards).")
    static final class ListRewards extends LedgerCommand {
        @Option(names = "--platform", paramLabel = "<platformId>", description = "Whose catalog (default: --org).")
        private String platform;

        @Override
        protected int run(LedgerCalls ledger) {
            return printRows(ledger.evaluate(LedgerFunction.LIST_REWARDS,
                new LedgerRequest.OfPlatform(platform == null ? org() : platform)),
                "rewardId", "name", "points", "stock", "perUserLimit", "activeFrom", "activeUntil");
        }
    }
}
