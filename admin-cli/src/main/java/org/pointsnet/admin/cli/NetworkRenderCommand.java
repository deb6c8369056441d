package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pointsnet.admin.network.NetworkRenderer;
import org.pointsnet.admin.network.RuntimeLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin-cli network render}: every node's configuration from the network spec. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Renders configtx.yaml and the environment of every orderer, peer, chaincode server,"
                + " gateway and org admin from the spec into the runtime folder.",
            "Crypto material must already be in <runtime>/crypto (crypto generate --out <runtime>/crypto)."})
public final class NetworkRenderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private SpecOption spec;

    @Option(names = "--repo", required = true, paramLabel = "<dir>",
            description = "The repository root; its network/ holds core.yaml, orderer.yaml, configtx.yaml, builders/.")
    private Path repo;

    @Option(names = "--runtime", required = true, paramLabel = "<dir>",
            description = "The runtime folder to render into.")
    private Path runtime;

    @Option(names = "--joined", paramLabel = "<platformId>",
            description = "A joining org that has joined the channel: rendered as a member (its collection, every"
                + " gateway's trust, network.env). Repeatable.")
    private List<String> joined = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = command.commandLine().getOut();
        new NetworkRenderer(spec.load().withJoined(joined), repo, new RuntimeLayout(runtime), stdout::println).render();
        stdout.flush();
        return 0;
    }
}
