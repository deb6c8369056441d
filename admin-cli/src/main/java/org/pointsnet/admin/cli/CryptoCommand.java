package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;

/** {@code admin-cli crypto}: the crypto material command group. */
@Command(name = "crypto",
        mixinStandardHelpOptions = true,
        description = "Crypto material (CAs, MSPs, TLS) for the orgs of the network spec.",
        subcommands = {CryptoGenerateCommand.class})
public final class CryptoCommand extends CommandGroup {

}
