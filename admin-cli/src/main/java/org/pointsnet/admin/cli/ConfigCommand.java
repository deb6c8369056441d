package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;

/** {@code admin-cli config}: channel configuration updates, built, signed by each admin and submitted. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Channel configuration updates: build one, sign it as each required admin, submit it.",
        subcommands = {ConfigUpdateCommand.class, ConfigSignCommand.class, ConfigSubmitCommand.class})
public final class ConfigCommand extends CommandGroup {

}
