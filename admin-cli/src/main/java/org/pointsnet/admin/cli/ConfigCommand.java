package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code admin-cli config}: channel configuration updates, built, signed by each admin and submitted. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Channel configuration updates: build one, sign it as each required admin, submit it.",
        subcommands = {ConfigUpdateCommand.class, ConfigSignCommand.class, ConfigSubmitCommand.class})
public final class ConfigCommand implements Runnable {

    @Spec
    private CommandSpec command;

    @Override
    public void run() {
        throw new ParameterException(command.commandLine(), "missing command (update, sign, submit)");
    }
}
