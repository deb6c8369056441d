package org.pointsnet.admin.cli;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin-cli platform}: the member's platform on the ledger. */
@Command(name = "platform",
        mixinStandardHelpOptions = true,
        description = "The member's platform: register it, suspend or resume trading, list all platforms.",
        subcommands = {PlatformCommands.Register.class, PlatformCommands.Suspend.class, PlatformCommands.Resume.class,
            PlatformCommands.ListPlatforms.class})
public final class PlatformCommands extends CommandGroup {

    /** {@code platform register}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Registers the member's own platform (platform:Register; needs a majority of members).")
    static final class Register extends LedgerCommand {
        @Option(names = "--name", required = true, description = "Display name.")
        private String name;
        @Option(names = "--symbol", required = true, description = "Point symbol, [A-Za-z0-9]{1,16}.")
        private String symbol;
        @Option(names = "--decimals", defaultValue = "0", description = "Decimals of a point, 0-6 (default 0).")
        private long decimals;
        @Option(names = "--unit-value", required = true, description = "Value of one point, exact decimal.")
        private String unitValue;
        @Option(names = "--currency", required = true, description = "ISO 4217 code of the unit value.")
        private String currency;
        @Option(names = "--time-zone", description = "Time zone of days and periods (default UTC).")
        private String timeZone;
        @Option(names = "--settlement-period", description = "DAY (default) or MONTH.")
        private String settlementPeriod;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.REGISTER_PLATFORM, new LedgerRequest.RegisterPlatform(
                requestId(), org(), name, symbol, decimals, unitValue, currency, null, null, timeZone,
                settlementPeriod)));
        }
    }

    /** {@code platform suspend}. */
    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspends trading on the member's platform: readable, not tradable (platform:Suspend).")
    static final class Suspend extends LedgerCommand {
        @Option(names = "--reason", required = true, description = "Why, recorded on the ledger.")
        private String reason;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.SUSPEND_PLATFORM,
                new LedgerRequest.PlatformStatus(requestId(), org(), reason)));
        }
    }

    /** {@code platform resume}. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes trading on the member's suspended platform (platform:Resume).")
    static final class Resume extends LedgerCommand {
        @Option(names = "--reason", required = true, description = "Why, recorded on the ledger.")
        private String reason;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.RESUME_PLATFORM,
                new LedgerRequest.PlatformStatus(requestId(), org(), reason)));
        }
    }

    /** {@code platform list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every registered platform (platform:List).")
    static final class ListPlatforms extends LedgerCommand {
        @Override
        protected int run(LedgerCalls ledger) {
            return printRows(ledger.evaluate(LedgerFunction.LIST_PLATFORMS, new LedgerRequest.NoArguments()),
                "platformId", "name", "symbol", "currency", "unitValue", "status", "mspId");
        }
    }
}
