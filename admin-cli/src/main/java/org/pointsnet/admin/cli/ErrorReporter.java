package org.pointsnet.admin.cli;

import java.io.PrintWriter;

import org.pointsnet.admin.channel.ChannelConfigException;
import org.pointsnet.admin.crypto.CryptoException;
import org.pointsnet.admin.spec.SpecException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into exit code 1 and one line on stderr, so scripts can show it as
 * is; with --verbose the stack trace follows.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit code of every failure, usage errors included. */
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("admin-cli: error: " + oneLine(describe(error)));
        if (verbose(parseResult)) {
            error.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
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
        return FAILURE;
    }

    /** Our own exceptions carry complete messages; anything else is named by its type. */
    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof SpecException || error instanceof CryptoException
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
