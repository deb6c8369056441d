package org.pointsnet.admin.network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.contract.LinkCollections;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The chaincode's private data collections: one {@code ledger-<platformId>} per platform, and one
 * {@code link-…} per pair of platforms for identity links (docs/ledger.md, "Identity links").
 * Every platform org is a member of every collection (all peers hold and can endorse
 * reads of all data), but a collection's endorsement policy names only its own platform's
 * peers. Fabric applies that policy to every write into the collection, first writes
 * included, so no coalition without P can create or change anything in P's ledger
 * (docs/ledger.md, "Trust model").
 */
public final class CollectionsConfig {

    /** The collection holding one platform's accounts, supply, rules and receipts. */
    public static String collectionName(String platformId) {
        return "ledger-" + platformId;
    }

    private final NetworkSpec spec;

    public CollectionsConfig(NetworkSpec spec) {
        this.spec = spec;
    }

    public String render() {
        List<PlatformOrgSpec> orgs = spec.platformOrgs();
        String members = orgs.stream()
            .map(org -> "'" + org.mspId() + ".member'")
            .collect(Collectors.joining(", ", "OR(", ")"));
        int peers = orgs.stream().mapToInt(org -> org.peers().size()).sum();
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < orgs.size(); i++) {
            PlatformOrgSpec org = orgs.get(i);
            json.append("  {\n")
                .append("    \"name\": \"").append(collectionName(org.platformId())).append("\",\n")
                .append("    \"policy\": \"").append(members).append("\",\n")
                // An endorsement returns only after one other peer holds the data, so losing
                // the endorsing peer loses no committed private data. Each endorser pushes to that one
                // peer only: a conversion has two endorsers, which both hold the data already, and
                // pushing to every peer sent each peer the data twice (docs/benchmarks.md, "Dissemination":
                // 5-6 CPU ms less per two-collection transaction); the rest pull once per block at commit.
                .append("    \"requiredPeerCount\": ").append(Math.min(1, peers - 1)).append(",\n")
                .append("    \"maxPeerCount\": ").append(Math.min(1, peers - 1)).append(",\n")
                .append("    \"blockToLive\": 0,\n")
                .append("    \"memberOnlyRead\": true,\n")
                .append("    \"memberOnlyWrite\": true,\n")
                .append("    \"endorsementPolicy\": {\"signaturePolicy\": \"OR('").append(org.mspId())
                .append(".peer')\"}\n")
                .append("  }").append(i + 1 < orgs.size() || orgs.size() > 1 ? "," : "").append('\n');
        }
        final List<String> pairs = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            for (int j = i + 1; j < orgs.size(); j++) {
                pairs.add(linkCollection(orgs.get(i), orgs.get(j)));
            }
        }
        json.append(String.join(",\n", pairs));
        return json.append(pairs.isEmpty() ? "" : "\n").append("]\n").toString();
    }

    /**
     * The identity links of two platforms' users: only the two orgs are members (a third platform's peer neither
     * holds nor can read them), and every write needs both peers (a link endorsed by one side is invalid).
     */
    private static String linkCollection(PlatformOrgSpec first, PlatformOrgSpec second) {
        return "  {\n"
            + "    \"name\": \"" + LinkCollections.name(first.platformId(), second.platformId()) + "\",\n"
            + "    \"policy\": \"OR('" + first.mspId() + ".member', '" + second.mspId() + ".member')\",\n"
            + "    \"requiredPeerCount\": 1,\n"
            + "    \"maxPeerCount\": 1,\n"
            + "    \"blockToLive\": 0,\n"
            + "    \"memberOnlyRead\": true,\n"
            + "    \"memberOnlyWrite\": true,\n"
            + "    \"endorsementPolicy\": {\"signaturePolicy\": \"AND('" + first.mspId() + ".peer', '"
            + second.mspId() + ".peer')\"}\n"
            + "  }";
    }
}
