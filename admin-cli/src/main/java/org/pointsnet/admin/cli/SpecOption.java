package org.pointsnet.admin.cli;

import java.nio.file.Path;

import org.pointsnet.admin.spec.NetworkSpec;

import picocli.CommandLine.Option;

/** The {@code --spec <file>} option every command that reads the network spec mixes in. */
public final class SpecOption {

    @Option(names = "--spec", required = true, paramLabel = "<file>",
            description = "The network spec, e.g. crypto-config/network.yaml.")
    private Path file;

    /** Loads and validates the spec; a SpecException names the file and the field. */
    public NetworkSpec load() {
        return NetworkSpec.load(file);
    }

    public Path file() {
        return file;
    }
}
