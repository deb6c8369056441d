package org.pointsnet.gateway.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.pointsnet.gateway.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConsentStoreTest {

    private static final String ALICE = "platform-a.alice";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migratedH2());
    private final ConsentStore store = new ConsentStore(jdbc,
        new PersonalDataCipher(PersonalDataKeyFile.ephemeral()), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void aConsentIsGrantedOnceListedAndWithdrawnWithItsTimeKept() {
        final Consent link = store.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-b");
        assertEquals(link, store.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-b"), "a second grant is the first");
        final Consent share = store.grant(ALICE, ConsentPurpose.SHARE_BALANCES, "platform-b");
        assertTrue(store.active(ALICE, ConsentPurpose.SHARE_BALANCES, "platform-b").isPresent());
        assertTrue(store.active(ALICE, ConsentPurpose.SHARE_BALANCES, "platform-c").isEmpty());
        assertTrue(store.list("platform-a.bob").isEmpty(), "another user sees nothing");

        final Consent withdrawn = store.withdraw(ALICE, share.consentId()).orElseThrow();
        assertFalse(withdrawn.active());
        assertEquals(T0, withdrawn.withdrawnAt());
        assertTrue(store.active(ALICE, ConsentPurpose.SHARE_BALANCES, "platform-b").isEmpty());
        assertTrue(store.withdraw("platform-a.bob", link.consentId()).isEmpty(), "only the owner withdraws");
        assertTrue(store.active(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-b").isPresent());

        final List<Consent> all = store.list(ALICE);
        assertEquals(2, all.size());
        final Consent again = store.grant(ALICE, ConsentPurpose.SHARE_BALANCES, "platform-b");
        assertNotEquals(share.consentId(), again.consentId(), "a new grant after a withdrawal is a new record");
        assertEquals(3, store.list(ALICE).size());
    }

    @Test
    void theDatabaseHoldsNeitherTheUserIdNorThePlatformInClear() {
        store.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-b");
        final String row = jdbc.sql("SELECT user_key || ' ' || user_id || ' ' || platform_id FROM consent_record")
            .query(String.class).single();
        assertFalse(row.contains(ALICE) || row.contains("platform-b"), row);
        assertEquals("platform-b", store.list(ALICE).get(0).platformId(), "and reads them back");
    }

    @Test
    void erasureDeletesEveryConsentOfTheUserAndNoOneElses() {
        store.grant(ALICE, ConsentPurpose.LINK_ACCOUNTS, "platform-b");
        store.grant(ALICE, ConsentPurpose.ANALYTICS, null);
        store.grant("platform-a.bob", ConsentPurpose.ANALYTICS, null);
        assertEquals(2, store.erase(ALICE));
        assertTrue(store.list(ALICE).isEmpty());
        assertEquals(1, store.list("platform-a.bob").size());
        assertEquals(0, store.erase(ALICE), "nothing left to erase");
    }

    @Test
    void theDigestCoversIdUserPurposePlatformAndTime() {
        final Consent c = store.grant(ALICE, ConsentPurpose.ANALYTICS, null);
        assertEquals(64, c.digest().length());
        assertEquals(c.digest(), ConsentStore.digest(c.consentId(), ALICE, ConsentPurpose.ANALYTICS, null, T0));
        assertNotEquals(c.digest(), ConsentStore.digest(c.consentId(), "platform-a.bob", ConsentPurpose.ANALYTICS,
            null, T0));
        assertNotEquals(c.digest(), ConsentStore.digest(c.consentId(), ALICE, ConsentPurpose.ANALYTICS, null,
            T0.plusMillis(1)));
    }
}
