package org.pointsnet.admin.cli;

import picocli.CommandLine.Option;

/** {@code --effective-from} of the commands that add a version of a rule from a stated time. */
public final class EffectiveFromOption {
    @Option(names = "--effective-from", paramLabel = "<instant>",
            description = "ISO-8601 instant from which the version applies, not in the past (default: now).")
    private String effectiveFrom;

    /** The instant as given, or null for "now" (the chaincode takes the transaction time). */
    String value() {
        return effectiveFrom;
    }
}
