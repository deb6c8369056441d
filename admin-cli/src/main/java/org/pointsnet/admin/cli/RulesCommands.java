package org.pointsnet.admin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code admin-cli rules}: the member's conversion rules. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "The platform's rules: pair rates (each side approves its own), the fee, limits, earning"
            + " categories, point expiry, the platform's value rule; show them.",
        subcommands = {RulesCommands.SetRate.class, RulesCommands.ApproveRate.class, RulesCommands.SetFee.class,
            RulesCommands.SetLimits.class, RulesCommands.Show.class, RulesCommands.SetCategories.class,
            RulesCommands.SetExpiry.class, RulesCommands.SetValue.class})
public final class RulesCommands extends CommandGroup {

    /** {@code rules set-rate}: this side's approval of the rate from the member's platform to another. */
    @Command(name = "set-rate", mixinStandardHelpOptions = true,
            description = "Approves version <n> of the rate from the member's platform to --to (conversion:ApproveRate"
                + " as the source side); the rate is agreed once the other side approves the same version and rate.")
    static final class SetRate extends LedgerCommand {
        @Option(names = "--to", required = true, paramLabel = "<platformId>", description = "Destination platform.")
        private String to;
        @Option(names = "--rate-version", required = true, description = "Rate version, above the last one.")
        private long version;
        @Option(names = "--rate", required = true, description = "Destination points per source point, decimal.")
        private String rate;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.APPROVE_RATE,
                new LedgerRequest.ApproveRate(requestId(), org(), org(), to, version, rate)));
        }
    }

    /** {@code rules approve-rate}: the destination side's approval of a rate another platform set. */
    @Command(name = "approve-rate", mixinStandardHelpOptions = true,
            description = "Approves version <n> of the rate from --from to the member's platform"
                + " (conversion:ApproveRate as the destination side).")
    static final class ApproveRate extends LedgerCommand {
        @Option(names = "--from", required = true, paramLabel = "<platformId>", description = "Source platform.")
        private String from;
        @Option(names = "--rate-version", required = true, description = "Rate version the source side approved.")
        private long version;
        @Option(names = "--rate", required = true, description = "The same rate, decimal.")
        private String rate;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.APPROVE_RATE,
                new LedgerRequest.ApproveRate(requestId(), org(), from, org(), version, rate)));
        }
    }

    /** {@code rules set-fee}. */
    @Command(name = "set-fee", mixinStandardHelpOptions = true,
            description = "Sets the fee of conversions into the member's platform (conversion:SetFeeRule).")
    static final class SetFee extends LedgerCommand {
        @Option(names = "--basis-points", required = true, description = "Fee in basis points, 0-10000.")
        private long basisPoints;
        @Option(names = "--min-fee", defaultValue = "0", description = "Smallest fee in points (default 0).")
        private long minFee;
        @Option(names = "--max-fee", required = true, description = "Largest fee in points.")
        private long maxFee;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.SET_FEE_RULE,
                new LedgerRequest.SetFeeRule(requestId(), org(), basisPoints, minFee, maxFee)));
        }
    }

    /** {@code rules set-limits}. */
    @Command(name = "set-limits", mixinStandardHelpOptions = true,
            description = "Sets conversion limits out of the member's platform (conversion:SetLimits).")
    static final class SetLimits extends LedgerCommand {
        @Option(names = "--max-per-transaction", description = "Most points per conversion.")
        private Long maxPerTransaction;
        @Option(names = "--daily-per-user", description = "Most points a user converts per day.")
        private Long dailyPerUser;
        @Option(names = "--pair", paramLabel = "<platformId>=<points>",
                description = "Daily limit towards one platform; repeatable. Absent: pair limits stay as they are.")
        private Map<String, Long> pairs;
        @Option(names = "--clear-pairs", description = "Remove every pair limit.")
        private boolean clearPairs;

        @Override
        protected int run(LedgerCalls ledger) {
            List<LedgerRequest.PairLimit> limits = null;
            if (pairs != null || clearPairs) {
                limits = new ArrayList<>();
                if (pairs != null) {
                    for (Map.Entry<String, Long> pair : new java.util.TreeMap<>(pairs).entrySet()) {
                        limits.add(new LedgerRequest.PairLimit(pair.getKey(), pair.getValue()));
                    }
                }
            }
            return printReceipt(ledger.submit(LedgerFunction.SET_LIMITS,
                new LedgerRequest.SetLimits(requestId(), org(), maxPerTransaction, dailyPerUser, limits)));
        }
    }

    /** {@code rules show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a platform's fee, limits and rates (conversion:GetRules).")
    static final class Show extends LedgerCommand {
        @Option(names = "--platform", paramLabel = "<platformId>", description = "Whose rules (default: --org).")
        private String platform;

        @Override
        protected int run(LedgerCalls ledger) {
            String answer = ledger.evaluate(LedgerFunction.GET_RULES,
                new LedgerRequest.OfPlatform(platform == null ? org() : platform));
            if (json()) {
                out().println(answer);
                return 0;
            }
            var rules = parse(answer);
            out().println("platform " + Table.cell(rules.path("platformId")));
            out().println("fee      " + Table.cell(rules.path("fee")));
            out().println("limits   " + Table.cell(rules.path("limits")));
            out().println("rates:");
            List<List<String>> rows = new ArrayList<>();
            for (var rate : rules.path("rates")) {
                List<String> row = new ArrayList<>();
                rate.properties().forEach(e -> row.add(e.getKey() + "=" + Table.cell(e.getValue())));
                rows.add(List.of(String.join("  ", row)));
            }
            Table.print(out(), List.of("rate"), rows);
            return 0;
        }
    }

    /** {@code rules set-categories}: the value model's earning categories, a new version from a stated time. */
    @Command(name = "set-categories", mixinStandardHelpOptions = true,
            description = "Sets the member platform's earning categories and their multipliers as a new version"
                + " (value:SetCategories, the same call as PUT /platforms/{id}/rules/categories); an issuance in a"
                + " category credits floor(amount x multiplier).")
    static final class SetCategories extends LedgerCommand {
        @Option(names = "--category", required = true, paramLabel = "<category>=<multiplier>",
                description = "One category and its multiplier (plain decimal); repeatable, 1-32. The list replaces"
                    + " the whole previous one.")
        private Map<String, String> categories;
        @Mixin
        private EffectiveFromOption effectiveFrom;

        @Override
        protected int run(LedgerCalls ledger) {
            List<LedgerRequest.Category> list = new ArrayList<>();
            for (Map.Entry<String, String> c : new java.util.TreeMap<>(categories).entrySet()) {
                list.add(new LedgerRequest.Category(c.getKey(), c.getValue()));
            }
            return printReceipt(ledger.submit(LedgerFunction.SET_CATEGORIES,
                new LedgerRequest.SetCategories(requestId(), org(), effectiveFrom.value(), list)));
        }
    }

    /** {@code rules set-expiry}: how long the member platform's points live from their credit. */
    @Command(name = "set-expiry", mixinStandardHelpOptions = true,
            description = "Sets how long points credited from now on live (expiry:SetRule, the same call as"
                + " PUT /platforms/{id}/rules/expiry); 0: they never expire. Points already credited keep their"
                + " expiry.")
    static final class SetExpiry extends LedgerCommand {
        @Option(names = "--period-seconds", required = true,
                description = "Seconds from the credit; a day or more expires at the next whole UTC day after it.")
        private long periodSeconds;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.SET_EXPIRY_RULE,
                new LedgerRequest.SetExpiryRule(requestId(), org(), periodSeconds)));
        }
    }

    /** {@code rules set-value}: the member platform's own value rule, a new version from a stated time. */
    @Command(name = "set-value", mixinStandardHelpOptions = true,
            description = "Sets the member platform's unit value and multiplier as a new version of its value rule"
                + " (value:SetValue, the same call as PUT /platforms/{id}/rules/value); quotes and conversions from"
                + " --effective-from on price with it and name its version.")
    static final class SetValue extends LedgerCommand {
        @Option(names = "--unit-value", required = true, paramLabel = "<decimal>",
                description = "Value of one whole point in the platform's currency, plain decimal, at most 1000000"
                    + " with 12 decimal places.")
        private String unitValue;
        @Option(names = "--multiplier", required = true, paramLabel = "<decimal>",
                description = "The platform multiplier, plain decimal, same bounds.")
        private String multiplier;
        @Mixin
        private EffectiveFromOption effectiveFrom;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.SET_VALUE,
                new LedgerRequest.SetValue(requestId(), org(), effectiveFrom.value(), unitValue, multiplier)));
        }
    }
}
