package org.pointsnet.admin.cli;

import java.nio.file.Path;

import org.pointsnet.admin.channel.AdminIdentity;
import org.pointsnet.admin.network.RuntimeLayout;

import picocli.CommandLine.Option;

/** {@code --runtime <dir> --as <org>}: whose admin identity a channel command uses, from that org's own runtime. */
public final class AdminOption {

    @Option(names = "--runtime", required = true, paramLabel = "<dir>",
            description = "The runtime folder this org's configuration was rendered into (its admin.env).")
    private Path runtime;

    @Option(names = "--as", required = true, paramLabel = "<org>",
            description = "The org whose admin acts: a platform id (e.g. platform-a), or 'orderer' (the orderer org).")
    private String org;

    /** The admin's identity; a ChannelConfigException names the known orgs if this one has none here. */
    public AdminIdentity load() {
        return AdminIdentity.load(new RuntimeLayout(runtime), org);
    }

    public RuntimeLayout runtime() {
        return new RuntimeLayout(runtime);
    }
}
