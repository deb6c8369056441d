package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;

/** {@code network}: commands about the consortium's nodes and configuration. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Network configuration.",
        subcommands = {NetworkRenderCommand.class, NetworkCaliperCommand.class})
public final class NetworkCommand {
}
