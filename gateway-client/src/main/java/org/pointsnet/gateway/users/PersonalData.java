package org.pointsnet.gateway.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pointsnet.gateway.consent.Consent;

/**
 * What the gateway holds about one person (GET .../personal-data): nothing but their own data.
 *
 * @param userId       the network user id asked about
 * @param registeredAt when the platform registered them here; null when this gateway holds no account
 * @param passwordSet  whether they can sign in
 * @param grants       the authorization server's stored grants (tokens) of theirs
 * @param consents     the clients they consented to, with the scopes
 * @param consentRecords their consents by purpose (link accounts, share balances, analytics), withdrawn ones too
 * @param postings     the projection's balance changes of theirs
 */
public record PersonalData(String userId, Instant registeredAt, boolean passwordSet, int grants,
                           List<Map<String, Object>> consents, List<Consent> consentRecords,
                           List<PostingRecord> postings) {

    /** One balance change of the person, as the projection holds it. */
    public record PostingRecord(String txId, String platformId, long delta, String type, long blockNumber,
                                String timestamp) {
    }

    /** True when the gateway holds nothing about the person. */
    public boolean empty() {
        return registeredAt == null && !passwordSet && grants == 0 && consents.isEmpty() && consentRecords.isEmpty()
            && postings.isEmpty();
    }
}
