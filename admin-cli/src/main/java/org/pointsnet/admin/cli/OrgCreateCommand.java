package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pointsnet.admin.crypto.CryptoGenerator;
import org.pointsnet.admin.network.NetworkRenderer;
import org.pointsnet.admin.network.RuntimeLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin-cli org create}: a joining org's keys and node configuration, on its own machine. */
@Command(name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a joining org's crypto material (only its own keys) into <runtime>/crypto and renders its"
                + " peer, chaincode server, gateway and admin configuration, from its joiningOrgs entry in the spec.",
            "Writes <runtime>/platforms/<org>/org-definition: its public MSP and configtxgen definition,"
                + " the folder it hands to the channel's members for 'org join'.",
            "Other orgs' public material (CA certificates, the orderers' TLS CA) must be in <runtime>/crypto."})
public final class OrgCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Option(names = "--org", required = true, paramLabel = "<platformId>",
            description = "The joining org's platformId (an entry of joiningOrgs in the spec).")
    private String org;

    @Option(names = "--repo", required = true, paramLabel = "<dir>",
            description = "The repository root; its network/ holds core.yaml and builders/.")
    private Path repo;

    @Option(names = "--runtime", required = true, paramLabel = "<dir>", description = "This org's runtime folder.")
    private Path runtime;

    @Option(names = "--force", description = "Regenerate the org's keys if it has material already.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        NetworkSpec network = spec.load();
        PlatformOrgSpec joining = network.joiningOrg(org);
        PrintWriter stdout = command.commandLine().getOut();
        RuntimeLayout layout = new RuntimeLayout(runtime.toAbsolutePath().normalize());
        new CryptoGenerator(network, layout.crypto(), force, stdout::println).generatePlatformOrg(joining);
        new NetworkRenderer(network, repo, layout, stdout::println).renderJoiningOrg(org);
        stdout.flush();
        return 0;
    }
}
