package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

/** {@code admin-cli config submit}: checks a signed config update against the channel's policies, then orders it. */
@Command(name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Checks whether the update's signatures (plus --as's, which submitting adds) meet the channel's"
                + " policies for what it changes, lists who signed and who is missing, and submits it to the"
                + " orderer (peer channel update). The orderer's verdict is final: a refusal exits with 3 and quotes"
                + " the orderer's reason; no orderer reachable exits with 4.",
            "Refuses to submit an update whose signatures fall short (exit 3: the channel's policy refuses it)"
                + " unless --force (to see the orderer refuse it)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:accepted by the orderer", "1:any other failure (a bad file, a missing Fabric tool)", "2:usage",
            "3:refused: by the orderer (its reason quoted), or signatures short of the channel's policy",
            "4:no orderer reachable or serving the channel"})
public final class ConfigSubmitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Mixin
    private AdminOption admin;

    @Option(names = "--in", required = true, paramLabel = "<file>", description = "The signed config update file.")
    private Path in;

    @Option(names = "--force", description = "Submit even if the local check finds signatures missing.")
    private boolean force;

    @Override
    public Integer call() {
        NetworkSpec network = spec.load();
        AdminIdentity identity = admin.load();
        ChannelConfigs configs = new ChannelConfigs(FabricTools.fromEnvironment(), network.channel());
        ChannelConfigs.SignedUpdate update = configs.readForChannel(in);
        PrintWriter stdout = command.commandLine().getOut();
        ChannelConfigs.Fetched current = configs.fetch(identity);
        stdout.println(in + " against config block " + current.blockNumber() + " of '" + network.channel() + "':");
        List<UpdatePolicyCheck.Requirement> unmet =
            ConfigCheckReport.print(stdout, configs, current, in, Set.of(identity.mspId()));
        stdout.flush();
        if (!unmet.isEmpty() && !force) {
            // The channel's policy refuses it; the orderer would say the same (exit 3, as for its own refusal).
            throw new ChannelConfigException(ChannelConfigException.Kind.REFUSED, "not submitted: signatures"
                + " missing for " + unmet.stream()
                .map(requirement -> requirement.policy() + " (" + String.join(", ", requirement.missing()) + ")")
                .toList() + "; each missing org's admin runs 'config sign --in " + in + "'", null);
        }
        if (!unmet.isEmpty()) {
            stdout.println("submitting anyway (--force): the orderer will judge");
            stdout.flush();
        }
        configs.submit(identity, in);
        ChannelConfigs.Fetched after = configs.fetch(identity);
        stdout.println("accepted by the orderer: the channel config is now block " + after.blockNumber()
            + " (was " + current.blockNumber() + ")");
        stdout.flush();
        return 0;
    }
}
