package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pointsnet.admin.network.CaliperConfig;
import org.pointsnet.admin.network.RuntimeLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin-cli network caliper}: Hyperledger Caliper's network configuration from the spec and runtime. */
@Command(name = "caliper",
        mixinStandardHelpOptions = true,
        description = {
            "Writes Hyperledger Caliper's network configuration (caliper-fabric 0.6.0, gateway binding) and one"
                + " connection profile per platform org into <runtime>/caliper (scripts/caliper.sh uses it).",
            "Crypto material must already be in <runtime>/crypto."})
public final class NetworkCaliperCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Option(names = "--runtime", required = true, paramLabel = "<dir>",
            description = "The runtime folder of the running network.")
    private Path runtime;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = command.commandLine().getOut();
        new CaliperConfig(spec.load(), new RuntimeLayout(runtime)).write(stdout::println);
        stdout.flush();
        return 0;
    }
}
