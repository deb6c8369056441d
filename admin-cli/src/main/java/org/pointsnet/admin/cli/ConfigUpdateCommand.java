package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pointsnet.admin.channel.AdminIdentity;
import org.pointsnet.admin.channel.ChannelConfigs;
import org.pointsnet.admin.channel.ConfigEdits;
import org.pointsnet.admin.channel.ConsenterEdits;
import org.pointsnet.admin.channel.FabricTools;
import org.pointsnet.admin.spec.NetworkSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code admin-cli config update}: a signable update of the channel's ordering settings or its Raft consenters. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a channel configuration update of the ordering settings (batch timeout, batch size) or of the"
                + " Raft consenters from the latest config block and writes it, unsigned, to --out. Both belong to"
                + " the Orderer group: the orderer org's admins sign them (config sign|submit --as orderer).",
            "A consenter change also keeps the orderer org's Endpoints (where peers reach the ordering service)"
                + " consistent. Raft changes one consenter per update. The orderer itself joins or leaves the"
                + " channel with osnadmin (docs/operations.md, \"Change the orderers\")."})
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

    @Option(names = "--preferred-max-bytes", paramLabel = "<bytes>",
            description = "Block size at which the orderer cuts a block (BatchSize preferred_max_bytes).")
    private Long preferredMaxBytes;

    @Option(names = "--absolute-max-bytes", paramLabel = "<bytes>",
            description = "Largest block, and so largest transaction, allowed (BatchSize absolute_max_bytes).")
    private Long absoluteMaxBytes;

    @Option(names = "--remove-consenter", paramLabel = "<orderer>",
            description = "Removes a Raft consenter: an orderer of the spec (e.g. orderer2) or host:port.")
    private String removeConsenter;

    @Option(names = "--add-consenter", paramLabel = "<orderer>",
            description = "Adds a Raft consenter: an orderer of the spec (e.g. orderer2) or host:port.")
    private String addConsenter;

    @Option(names = "--consenter-tls-cert", paramLabel = "<file>",
            description = "The added consenter's TLS certificate (PEM). Default for an orderer of the spec: its"
                + " tls/server.crt under the runtime's crypto folder.")
    private Path consenterTlsCert;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write the update.")
    private Path out;

    @Override
    public Integer call() {
        ConfigEdits.Batch batch = new ConfigEdits.Batch(batchTimeout, maxMessageCount, preferredMaxBytes,
            absoluteMaxBytes);
        checkOptions(batch);
        batch.check();
        NetworkSpec network = spec.load();
        ConsenterChoice consenters = new ConsenterChoice(command.commandLine(), network, admin.runtime());
        String removed = removeConsenter == null ? null : consenters.address(removeConsenter);
        ConsenterEdits.Consenter added = addConsenter == null ? null : consenters.consenter(addConsenter,
            consenterTlsCert);
        AdminIdentity identity = admin.load();
        PrintWriter stdout = command.commandLine().getOut();
        ChannelConfigs configs = new ChannelConfigs(FabricTools.fromEnvironment(), network.channel());
        stdout.println("fetching the latest config block of '" + network.channel() + "' as " + identity.mspId());
        stdout.flush();
        ChannelConfigs.Fetched current = configs.fetch(identity);
        stdout.println("config block " + current.blockNumber());
        JsonNode updated = current.config();
        if (batch.changesAnything()) {
            updated = ConfigEdits.batch(updated, batch);
        }
        if (removed != null) {
            updated = ConsenterEdits.remove(updated, removed);
        }
        if (added != null) {
            updated = ConsenterEdits.add(updated, network.ordererOrg().name(), added);
        }
        if (removed != null || added != null) {
            stdout.println("consenters: " + String.join(", ", ConsenterEdits.addresses(current.config())) + " -> "
                + String.join(", ", ConsenterEdits.addresses(updated)));
        }
        configs.writeUpdate(current.config(), updated, out);
        stdout.println("wrote " + out);
        ConfigCheckReport.print(stdout, configs, current, out, Set.of());
        stdout.flush();
        return 0;
    }

    /** Usage errors found before anything is loaded or fetched. */
    private void checkOptions(ConfigEdits.Batch batch) {
        if (!batch.changesAnything() && removeConsenter == null && addConsenter == null) {
            throw new ParameterException(command.commandLine(), "nothing to change: give --batch-timeout,"
                + " --max-message-count, --preferred-max-bytes, --absolute-max-bytes, --remove-consenter or"
                + " --add-consenter");
        }
        if (removeConsenter != null && addConsenter != null) {
            throw new ParameterException(command.commandLine(), "one consenter change per update (Raft"
                + " reconfigures one member at a time): give --remove-consenter or --add-consenter, not both");
        }
        if (consenterTlsCert != null && addConsenter == null) {
            throw new ParameterException(command.commandLine(), "--consenter-tls-cert belongs to --add-consenter");
        }
    }
}
