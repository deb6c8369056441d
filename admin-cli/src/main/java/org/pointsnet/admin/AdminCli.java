package org.pointsnet.admin;

import org.pointsnet.admin.cli.ConfigCommand;
import org.pointsnet.admin.cli.CryptoCommand;
import org.pointsnet.admin.cli.ErrorReporter;
import org.pointsnet.admin.cli.FeesCommands;
import org.pointsnet.admin.cli.LedgerCommands;
import org.pointsnet.admin.cli.NetworkCommand;
import org.pointsnet.admin.cli.OrgCommand;
import org.pointsnet.admin.cli.PlatformCommands;
import org.pointsnet.admin.cli.ReconcileCommand;
import org.pointsnet.admin.cli.RewardsCommands;
import org.pointsnet.admin.cli.RulesCommands;
import org.pointsnet.admin.cli.SettlementCommands;
import org.pointsnet.admin.cli.SupplyCommands;
import org.pointsnet.admin.ledger.LedgerOpener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The PointsNet admin CLI: {@code admin-cli <group> <action> [options]}. Exit codes (ErrorReporter): 0 ok, 1 error,
 * 2 usage, 3 the ledger (or the orderer, for a config update) refused, 4 network unavailable, 5 reconciliation
 * difference; a failure is one line on stderr
 * (a stack trace with --verbose).
 */
@Command(name = "admin-cli",
        mixinStandardHelpOptions = true,
        versionProvider = AdminCli.Version.class,
        description = "Administers a PointsNet consortium from its network spec (crypto-config/network.yaml).",
        // To add a command group, e.g. `network render`, list its class here.
        subcommands = {CryptoCommand.class, NetworkCommand.class, OrgCommand.class, ConfigCommand.class,
            PlatformCommands.class, RulesCommands.class, RewardsCommands.class, FeesCommands.class,
            SettlementCommands.class, ReconcileCommand.class, SupplyCommands.class,
            CommandLine.HelpCommand.class})
public final class AdminCli implements Runnable {

    @Spec
    private CommandSpec command;

    // Read by ErrorReporter from the parse result; INHERIT lets it follow any subcommand.
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "On error, print the stack trace too.")
    private boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own out/err. */
    public static CommandLine commandLine() {
        return commandLine(LedgerOpener.FABRIC);
    }

    /** The command line whose ledger commands open their sessions with {@code opener}. */
    public static CommandLine commandLine(LedgerOpener opener) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new AdminCli(), LedgerCommands.factory(opener))
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        throw new ParameterException(command.commandLine(), "missing command");
    }

    /** The version from the jar manifest; "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCli.class.getPackage().getImplementationVersion();
            return new String[] {"admin-cli " + (version == null ? "dev" : version)};
        }
    }
}
