package org.pointsnet.gateway.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.consent.ConsentPurpose;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.support.UnusedLedger;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.trust.TrustedMsps;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdentityLinksTest {

    private static final String ALICE = "platform-b.alice";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** Records private submits; answers link:Get with {@link #link} (null: NOT_FOUND). */
    private static final class Ledger extends UnusedLedger {
        final List<LedgerRequest> sent = new ArrayList<>();
        final List<List<String>> endorsers = new ArrayList<>();
        String link;




        @Override
        public String submitPrivately(final LedgerFunction function, final LedgerRequest request,
                                      final List<String> endorsingMspIds) {
            sent.add(request);
            endorsers.add(endorsingMspIds);
            return "{}";
        }


        @Override
        public String evaluate(final LedgerFunction function, final LedgerRequest request) {
            if (link == null) {
                throw new ChaincodeRejectedException(org.pointsnet.contract.ErrorCode.NOT_FOUND, "no link", null,
                    null);
            }
            return link;
        }
    }

    private final Ledger ledger = new Ledger();
    private final ConsentStore consents = new ConsentStore(JdbcClient.create(TestDatabase.migratedH2()),
        new PersonalDataCipher(PersonalDataKeyFile.ephemeral()), Clock.fixed(NOW, ZoneOffset.UTC));
    private final IdentityLinks links = new IdentityLinks(ledger, consents,
        new TrustedMsps(Map.of("platform-a", "PlatformAMSP", "platform-b", "PlatformBMSP"), Map.of()), "platform-b",
        Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anOfferNeedsTheLinkConsentAndPutsOnlyTheGrantsHashOnChainForBothPeers() {
        final ApiRequestException refused = assertThrows(ApiRequestException.class,
            () -> links.offer(ALICE, "platform-a"));
        assertEquals(ErrorCode.CONSENT_REQUIRED, refused.code());
        assertTrue(ledger.sent.isEmpty(), "nothing was sent without consent");

        final String digest = consents.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-a").digest();
        final LinkGrant grant = links.offer(ALICE, "platform-a");
        assertEquals(43, grant.grant().length());
        assertEquals(NOW.plus(IdentityLinks.GRANT_VALIDITY), grant.expiresAt());
        final LedgerRequest.OfferLink offer = (LedgerRequest.OfferLink) ledger.sent.get(0);
        assertEquals(org.pointsnet.contract.LinkGrants.hash(grant.grant()), offer.grantHash());
        assertEquals(digest, offer.consentHash());
        assertEquals(false, offer.share(), "no sharing consent, no sharing");
        assertEquals(List.of("PlatformBMSP", "PlatformAMSP"), ledger.endorsers.get(0));
    }

    @Test
    void theLinkedAccountIsReadableOnlyWithTheLinkConsentHereAndTheOtherSidesSharing() {
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(ApiRequestException.class,
            () -> links.readableLinkedUser(ALICE, "platform-a")).code());
        ledger.link = "{\"link\":{\"linkedUserId\":\"platform-a.alice\",\"since\":\"t\",\"share\":true},"
            + "\"linked\":{\"share\":false}}";
        assertEquals(ErrorCode.CONSENT_REQUIRED, assertThrows(ApiRequestException.class,
            () -> links.readableLinkedUser(ALICE, "platform-a")).code(), "no link consent here");
        consents.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-a");
        assertEquals(ErrorCode.CONSENT_REQUIRED, assertThrows(ApiRequestException.class,
            () -> links.readableLinkedUser(ALICE, "platform-a")).code(), "the other side does not share");
        ledger.link = ledger.link.replace("\"linked\":{\"share\":false}", "\"linked\":{\"share\":true}");
        assertEquals("platform-a.alice", links.readableLinkedUser(ALICE, "platform-a"));
        assertThrows(ApiRequestException.class, () -> links.unlink(ALICE, "platform-b"), "not with itself");
    }
}
