package org.pointsnet.admin.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole consortium as crypto-config/network.yaml describes it: channel, chaincode,
 * the orderer org and the platform orgs. The one source of every name, host and port.
 */
public record NetworkSpec(String channel, ChaincodeSpec chaincode, OrdererOrgSpec ordererOrg,
                          List<PlatformOrgSpec> platformOrgs) {

    public NetworkSpec {
        // Unmodifiable, but null elements survive so validation can name them.
        platformOrgs = platformOrgs == null ? null : Collections.unmodifiableList(new ArrayList<>(platformOrgs));
    }

    /**
     * Reads and validates a spec file.
     *
     * @throws SpecException naming the file and the offending field
     */
    public static NetworkSpec load(Path file) {
        return SpecReader.read(file);
    }

    /**
     * Parses and validates spec text; {@code source} names it in error messages.
     *
     * @throws SpecException naming the source and the offending field
     */
    public static NetworkSpec parse(String yaml, String source) {
        return SpecReader.parse(yaml, source);
    }

    /**
     * The platform org with this platformId.
     *
     * @throws SpecException if no platform org has it
     */
    public PlatformOrgSpec platform(String platformId) {
        return platformOrgs.stream()
            .filter(org -> org.platformId().equals(platformId))
            .findFirst()
            .orElseThrow(() -> new SpecException("unknown platformId '" + platformId + "' (known: "
                + platformOrgs.stream().map(PlatformOrgSpec::platformId).collect(Collectors.joining(", ")) + ")"));
    }
}
