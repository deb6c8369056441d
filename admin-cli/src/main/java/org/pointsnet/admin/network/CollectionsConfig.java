package org.pointsnet.admin.network;

import java.util.List;
import java.util.stream.Collectors;

import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The chaincode's private data collections: one {@code ledger-<platformId>} per platform.
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
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < orgs.size(); i++) {
            PlatformOrgSpec org = orgs.get(i);
            json.append("  {\n")
                .append("    \"name\": \"").append(collectionName(org.platformId())).append("\",\n")
                .append("    \"policy\": \"").append(members).append("\",\n")
                // An endorsement returns only after one other peer holds the data, so losing
                // the endorsing peer loses no committed private data.
                .append("    \"requiredPeerCount\": ").append(Math.min(1, orgs.size() - 1)).append(",\n")
                .append("    \"maxPeerCount\": ").append(orgs.size() - 1).append(",\n")
                .append("    \"blockToLive\": 0,\n")
                .append("    \"memberOnlyRead\": true,\n")
                .append("    \"memberOnlyWrite\": true,\n")
                .append("    \"endorsementPolicy\": {\"signaturePolicy\": \"OR('").append(org.mspId())
                .append(".peer')\"}\n")
                .append("  }").append(i + 1 < orgs.size() ? "," : "").append('\n');
        }
        return json.append("]\n").toString();
    }
}
