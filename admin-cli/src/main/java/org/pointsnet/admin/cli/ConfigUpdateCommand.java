package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pointsnet.admin.channel.AdminIdentity;
import org.pointsnet.admin.channel.ChannelConfigs;
import org.pointsnet.admin.channel.ConfigEdits;
import org.pointsnet.admin.channel.FabricTools;
import org.pointsnet.admin.spec.NetworkSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code admin-cli config update}: a signable update of the channel's ordering settings. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a channel configuration update of the ordering settings from the latest config block and writes"
                + " it, unsigned, to --out. Batch settings belong to the Orderer group: the orderer org's admins"
                + " sign them (config sign --as orderer)."})
public final class ConfigUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Mixin
    private AdminOption admin;

    @Option(names = "--batch-timeout", paramLabel = "<duration>",
            description = "How long the orderer waits before cutting a block, e.g. 250ms, 2s.")
    private String batchTimeout;

    @Option(names = "--max-message-count", paramLabel = "<n>", description = "Transactions per block at most.")
    private Integer maxMessageCount;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write the update.")
    private Path out;

    @Override
    public Integer call() {
        if (batchTimeout == null && maxMessageCount == null) {
            throw new ParameterException(command.commandLine(),
                "nothing to change: give --batch-timeout and/or --max-message-count");
        }
        ConfigEdits.checkBatch(batchTimeout, maxMessageCount);
        NetworkSpec network = spec.load();
        AdminIdentity identity = admin.load();
        PrintWriter stdout = command.commandLine().getOut();
        ChannelConfigs configs = new ChannelConfigs(FabricTools.fromEnvironment(), network.channel());
        stdout.println("fetching the latest config block of '" + network.channel() + "' as " + identity.mspId());
        stdout.flush();
        ChannelConfigs.Fetched current = configs.fetch(identity);
        stdout.println("config block " + current.blockNumber());
        configs.writeUpdate(current.config(), ConfigEdits.batch(current.config(), batchTimeout, maxMessageCount), out);
        stdout.println("wrote " + out);
        ConfigCheckReport.print(stdout, configs, current, out, Set.of());
        stdout.flush();
        return 0;
    }
}
