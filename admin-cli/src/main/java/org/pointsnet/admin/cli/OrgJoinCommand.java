package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pointsnet.admin.channel.AdminIdentity;
import org.pointsnet.admin.channel.ChannelConfigException;
import org.pointsnet.admin.channel.ChannelConfigs;
import org.pointsnet.admin.channel.ConfigEdits;
import org.pointsnet.admin.channel.FabricTools;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code admin-cli org join}: the channel config update that adds a joining org, as a file to sign. */
@Command(name = "join",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the channel configuration update adding a joining org (its MSP, anchor peer and Readers/Writers/"
                + "Admins/Endorsement policies, from its org definition) to the Application group: fetches the latest"
                + " config block from the orderer as --as's admin, adds the org, computes the update"
                + " (configtxlator compute_update) and writes it, unsigned, to --out.",
            "Then every member's admin runs 'config sign --in <file>' on their own machine, and one of them"
                + " 'config submit --in <file>'."})
public final class OrgJoinCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Mixin
    private AdminOption admin;

    @Option(names = "--org", required = true, paramLabel = "<platformId>",
            description = "The joining org's platformId (an entry of joiningOrgs in the spec).")
    private String org;

    @Option(names = "--definition", paramLabel = "<dir>",
            description = "The org definition folder the joining org handed over (org create writes it);"
                + " default <runtime>/platforms/<org>/org-definition.")
    private Path definition;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write the update.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        NetworkSpec network = spec.load();
        PlatformOrgSpec joining = network.joiningOrg(org);
        Path folder = definition != null ? definition : admin.runtime().orgDefinition(org);
        if (!Files.isRegularFile(folder.resolve("configtx.yaml"))) {
            throw new ChannelConfigException("no org definition in " + folder
                + " (expected configtx.yaml and msp/ from 'org create --org " + org + "')");
        }
        AdminIdentity identity = admin.load();
        PrintWriter stdout = command.commandLine().getOut();
        FabricTools tools = FabricTools.fromEnvironment();
        ChannelConfigs configs = new ChannelConfigs(tools, network.channel());

        stdout.println("fetching the latest config block of '" + network.channel() + "' as " + identity.mspId());
        stdout.flush();
        ChannelConfigs.Fetched current = configs.fetch(identity);
        stdout.println("config block " + current.blockNumber());
        String orgJson = tools.run(Map.of("FABRIC_CFG_PATH", folder.toAbsolutePath().toString()),
            "configtxgen", "-printOrg", joining.name());
        JsonNode orgGroup = JsonMapper.builder().build().readTree(orgJson);
        JsonNode updated = ConfigEdits.addOrg(current.config(), joining.name(), joining.mspId(), orgGroup);
        configs.writeUpdate(current.config(), updated, out);
        stdout.println("wrote " + out + ": adds " + joining.name() + " (" + joining.mspId() + ") to the channel");
        ConfigCheckReport.print(stdout, configs, current, out, Set.of());
        stdout.flush();
        return 0;
    }
}
