package org.pointsnet.contract;

/**
 * The private data collection that holds the identity links between two platforms' users: only the two platforms'
 * orgs are members (no third platform's peer holds or can read it) and a write needs both peers' endorsements
 * (docs/ledger.md, "Identity links").
 */
public final class LinkCollections {

    private LinkCollections() {
    }

    /**
     * {@code link-<n>-<first>-<second>}: the two platform ids in order, the first one's length in front so that no two
     * pairs share a name (platform ids may contain '-').
     */
    public static String name(final String platformId, final String otherPlatformId) {
        final boolean inOrder = platformId.compareTo(otherPlatformId) < 0;
        final String first = inOrder ? platformId : otherPlatformId;
        final String second = inOrder ? otherPlatformId : platformId;
        return "link-" + first.length() + "-" + first + "-" + second;
    }
}
