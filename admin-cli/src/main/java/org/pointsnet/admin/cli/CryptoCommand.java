package org.pointsnet.admin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code admin-cli crypto}: the crypto material command group. */
@Command(name = "crypto",
        mixinStandardHelpOptions = true,
        description = "Crypto material (CAs, MSPs, TLS) for the orgs of the network spec.",
        subcommands = {CryptoGenerateCommand.class})
public final class CryptoCommand implements Runnable {

    @Spec
    private CommandSpec command;

    @Override
    public void run() {
        throw new ParameterException(command.commandLine(), "missing command (generate)");
    }
}
