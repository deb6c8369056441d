package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pointsnet.admin.channel.AdminIdentity;
import org.pointsnet.admin.channel.ChannelConfigException;
import org.pointsnet.admin.channel.ChannelConfigs;
import org.pointsnet.admin.channel.FabricTools;
import org.pointsnet.admin.channel.UpdatePolicyCheck;
import org.pointsnet.admin.spec.NetworkSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin-cli config sign}: adds one admin's signature to a config update file. */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what a config update changes and adds --as's admin signature to the file, in place"
                + " (peer channel signconfigtx). Each org's admin runs this on their own machine with their own key;"
                + " the signature says that org consents to exactly this change."})
public final class ConfigSignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Mixin
    private AdminOption admin;

    @Option(names = "--in", required = true, paramLabel = "<file>", description = "The config update file.")
    private Path in;

    @Override
    public Integer call() {
        NetworkSpec network = spec.load();
        AdminIdentity identity = admin.load();
        ChannelConfigs configs = new ChannelConfigs(FabricTools.fromEnvironment(), network.channel());
        ChannelConfigs.SignedUpdate update = configs.readForChannel(in);
        if (update.signers().contains(identity.mspId())) {
            throw new ChannelConfigException(in + " is signed by " + identity.mspId() + " already");
        }
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(in + " (channel '" + update.channel() + "'):");
        UpdatePolicyCheck.changes(update.update()).forEach(change -> stdout.println("  " + change));
        configs.sign(identity, in);
        stdout.println("signed as " + identity.mspId() + " admin; signatures now: "
            + String.join(", ", configs.read(in).signers()));
        stdout.flush();
        return 0;
    }
}
