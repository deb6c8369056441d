package org.pointsnet.admin.cli;

import java.nio.file.Path;

import org.pointsnet.admin.ledger.ConnectionSettings;

import picocli.CommandLine.Option;

/** The connection options of every ledger command: which member org acts, and where its settings are. */
public final class LedgerOptions {

    @Option(names = "--org", required = true, paramLabel = "<platformId>",
            description = "The member's platform id (e.g. platform-a): the command signs as its Operator@ identity"
                + " through its own peer.")
    private String org;

    @Option(names = "--runtime", defaultValue = "runtime", paramLabel = "<dir>",
            description = "The runtime folder 'network render' wrote (default: ${DEFAULT-VALUE}); the settings are"
                + " read from <dir>/platforms/<org>/gateway.env.")
    private Path runtime;

    @Option(names = "--env-file", paramLabel = "<file>",
            description = "Read the connection settings from this file instead (the org's gateway.env).")
    private Path envFile;

    @Option(names = "--channel", paramLabel = "<name>",
            description = "Another channel the org's peer joined (default: the settings' channel).")
    private String channel;

    @Option(names = "--json", description = "Print the ledger's JSON answer (one line) instead of a table.")
    private boolean json;

    /** The org's connection settings. */
    public ConnectionSettings settings() {
        ConnectionSettings settings = ConnectionSettings.read(org,
            envFile != null ? envFile : ConnectionSettings.envFile(runtime, org));
        return channel == null ? settings : settings.onChannel(channel);
    }

    /** The acting platform. */
    public String org() {
        return org;
    }

    public boolean json() {
        return json;
    }
}
