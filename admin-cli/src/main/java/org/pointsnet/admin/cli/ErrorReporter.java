package org.pointsnet.admin.cli;

import java.io.PrintWriter;

import org.pointsnet.admin.channel.ChannelConfigException;
import org.pointsnet.admin.crypto.CryptoException;
import org.pointsnet.admin.ledger.LedgerException;
import org.pointsnet.admin.spec.SpecException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one error handler: every failure is one line on stderr naming what failed, so scripts can show it as is, and an
 * exit code that says what kind of failure it was (docs/operations.md, "admin-cli"); with --verbose the stack trace
 * follows.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit code of a failure of no other kind (a bad spec, an I/O error, a bug). */
    public static final int FAILURE = 1;
    /** Exit code of a command line that cannot run: unknown command or option, missing or bad value. */
    public static final int USAGE = 2;
    /**
     * Exit code when the ledger refused: a chaincode error code, a transaction committed invalid, or a channel config
     * update the orderer (or the channel's policies, checked before submitting) refused.
     */
    public static final int REFUSED = 3;
    /** Exit code when the peer, the orderers or the gateway could not be reached in time. */
    public static final int UNAVAILABLE = 4;

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("admin-cli: error: " + oneLine(describe(error)));
        if (verbose(parseResult)) {
            error.printStackTrace(err);
        }
        err.flush();
        return exitCode(error);
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        String hint = "";
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            hint = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        err.println("admin-cli: " + oneLine(error.getMessage()) + hint
            + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return USAGE;
    }

    private static int exitCode(Exception error) {
        if (error instanceof LedgerException ledger) {
            return switch (ledger.kind()) {
                case REFUSED -> REFUSED;
                case UNAVAILABLE -> UNAVAILABLE;
                case USAGE -> USAGE;
                case FAILED -> FAILURE;
            };
        }
        if (error instanceof ChannelConfigException config) {
            return switch (config.kind()) {
                case REFUSED -> REFUSED;
                case UNAVAILABLE -> UNAVAILABLE;
                case FAILED -> FAILURE;
            };
        }
        return FAILURE;
    }

    /** Our own exceptions carry complete messages; anything else is named by its type. */
    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof SpecException || error instanceof CryptoException || error instanceof LedgerException
                || error instanceof ChannelConfigException) {
            return message;
        }
        return message == null ? error.getClass().getName() : error.getClass().getSimpleName() + ": " + message;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
