package org.pointsnet.gateway.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of a Receipt event the projection stores, checked by {@link ReceiptParser}.
 *
 * @param platformId the initiating platform, whose collection holds the receipt
 */
record Receipt(String type, String requestId, String timestamp, String platformId, List<Posting> postings) {

    Receipt {
        postings = List.copyOf(postings);
    }

    /** One balance change: {@code delta} smallest units of {@code platformId}'s points for {@code userId}. */
    record Posting(String platformId, String userId, long delta) {
    }

    /** The receipt's own platform first, then every other platform it posts on, each once. */
    Set<String> platforms() {
        final Set<String> platforms = new LinkedHashSet<>();
        platforms.add(platformId);
        postings.forEach(p -> platforms.add(p.platformId()));
        return platforms;
    }
}
