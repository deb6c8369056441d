package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pointsnet.admin.crypto.CryptoGenerator;
import org.pointsnet.admin.spec.NetworkSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin-cli crypto generate}: CAs, MSPs and TLS certificates for every org, without cryptogen. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates CAs, MSP folders and TLS certificates for every org in the spec,"
                + " in the layout cryptogen produces (ECDSA P-256).",
            "Orgs whose folder exists are kept, so keys are not rotated; --force regenerates them."})
public final class CryptoGenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Where to write ordererOrganizations/ and peerOrganizations/.")
    private Path out;

    @Option(names = "--force", description = "Regenerate orgs that already exist (rotates every key).")
    private boolean force;

    @Override
    public Integer call() {
        NetworkSpec network = spec.load();
        PrintWriter stdout = command.commandLine().getOut();
        new CryptoGenerator(network, out, force, stdout::println).generate();
        stdout.flush();
        return 0;
    }
}
