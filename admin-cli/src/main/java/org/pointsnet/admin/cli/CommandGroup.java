package org.pointsnet.admin.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command group ({@code admin-cli platform}, ...): run without a subcommand, a usage error naming them. */
abstract class CommandGroup implements Runnable {

    @Spec
    private CommandSpec command;

    @Override
    public final void run() {
        // Named from the group's own subcommands, so the message cannot drift from what the group offers.
        throw new ParameterException(command.commandLine(),
            "missing command (" + String.join(", ", command.subcommands().keySet()) + ")");
    }
}
