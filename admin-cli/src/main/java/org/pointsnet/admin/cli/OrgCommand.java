package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;

/** {@code admin-cli org}: a new platform org's material, and its addition to the running channel. */
@Command(name = "org",
        mixinStandardHelpOptions = true,
        description = "A joining platform org: create its material on its own machine, then join it to the channel.",
        subcommands = {OrgCreateCommand.class, OrgJoinCommand.class})
public final class OrgCommand extends CommandGroup {

}
