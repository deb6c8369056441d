package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.BlockEvents;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.events.TransactionEvent;
import org.pointsnet.gateway.privacy.PersonalDataCipher;
import org.pointsnet.gateway.privacy.PersonalDataKeyFile;
import org.pointsnet.gateway.support.TestDatabase;
import org.pointsnet.gateway.support.TestMsps;
import org.pointsnet.gateway.support.TestPki;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection on an in-memory H2 database migrated by the same Flyway scripts the gateway runs, fed blocks whose
 * transactions carry real endorsements (EC keys, certificates from per-org test CAs).
 */
class ProjectionStoreTest {

    private static final String A = "platform-a";
    private static final String B = "platform-b";
    private static final String C = "platform-c";

    private TestMsps msps;
    private ProjectionStore store;
    private JdbcClient jdbc;
    private SimpleMeterRegistry meters;

    private final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataKeyFile.ephemeral());

    @BeforeEach
    void migrate() throws Exception {
        msps = TestMsps.shared();
        final DataSource data = TestDatabase.migratedH2();
        jdbc = JdbcClient.create(data);
        meters = new SimpleMeterRegistry();
        store = new ProjectionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)),
            msps.admission(), meters, cipher);
    }

    /** The stored set-aside payload, opened: it is kept sealed. */
    private byte[] opened(final Object stored) {
        return cipher.openBytes(SetAsideStore.PURPOSE, new String((byte[]) stored, StandardCharsets.US_ASCII));
    }

    private static List<TransactionEvent> events(final long number, final TestBlocks.Tx... txs) {
        return BlockEvents.of(TestBlocks.block(number, List.of(txs)), "points");
    }

    /** A receipt endorsed by the peer of every platform it concerns. */
    private TestBlocks.Tx receipt(final String txId, final String type, final String platform,
                                  final Object... postings) {
        return msps.receipt(txId, type, platform, postings);
    }

    /** A receipt of {@code platform} endorsed only by {@code endorsers}. */
    private static TestBlocks.Tx receiptEndorsedBy(final List<TestBlocks.Endorser> endorsers, final String txId,
                                                   final String type, final String platform,
                                                   final Object... postings) {
        return TestBlocks.Tx.valid(txId, "Receipt", TestBlocks.receipt(txId, type, platform, postings))
            .endorsedBy(endorsers.toArray(TestBlocks.Endorser[]::new));
    }

    private Map<String, Object> setAsideRow(final String txId) {
        return jdbc.sql("SELECT * FROM projection_set_aside WHERE tx_id = ?").param(txId).query().singleRow();
    }

    private int count(final String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private double setAsideCount(final SetAsideReason reason) {
        return meters.get("pointsnet.projection.events.set.aside").tag("reason", reason.name()).counter().count();
    }

    @Test
    void startsAtBlockZeroAndTotalsEqualTheSumOfPostings() {
        assertEquals(0, store.nextBlock());
        store.handle(0, List.of());
        store.handle(1, events(1, receipt("t1", "ISSUE", A, A, "u1", 1000),
            TestBlocks.Tx.valid("p1", "ValueWritten", "{\"key\":\"k\"}")));
        store.handle(2, events(2, receipt("t2", "CONVERT", A, A, "u1", -300, B, "u1", 150),
            receipt("t3", "BURN", A, A, "u1", -100)));

        assertEquals(3, store.nextBlock());
        assertEquals(Map.of(A, 600L, B, 150L), store.snapshot().supplies());
        assertEquals(3, store.snapshot().nextBlock());
        assertEquals(4, count("posting"));
        assertEquals(600, jdbc.sql("SELECT SUM(delta) FROM posting WHERE platform_id = ?").param(A).query(Long.class)
            .single());
        assertEquals(0, count("projection_set_aside"));
    }

    @Test
    void aReceiptGenuinelyEndorsedByItsPlatformsPeerIsProjected() {
        store.handle(0, events(0, receiptEndorsedBy(List.of(msps.peer(A)), "t1", "ISSUE", A, A, "u1", 70)));

        assertEquals(Map.of(A, 70L), store.snapshot().supplies());
        assertEquals("ISSUE", jdbc.sql("SELECT type FROM receipt WHERE tx_id = 't1'").query(String.class).single());
        assertEquals(0, count("projection_set_aside"));
    }

    @Test
    void aPostingOnAEndorsedOnlyByBIsSetAside() {
        // B's own chaincode server and peer can return anything: here an issuance of A's points.
        store.handle(0, events(0, receiptEndorsedBy(List.of(msps.peer(B)), "forged", "ISSUE", A, A, "u1", 1_000_000)));
        // And a conversion out of B that credits A, endorsed by B alone.
        store.handle(1, events(1, receiptEndorsedBy(List.of(msps.peer(B)), "forged2", "CONVERT", B,
            B, "u1", -1, A, "u1", 1_000_000)));

        assertEquals(Map.of(), store.snapshot().supplies());
        assertEquals(0, count("receipt"));
        assertEquals(2, store.nextBlock());
        final Map<String, Object> row = setAsideRow("forged");
        assertEquals("NOT_ENDORSED", row.get("REASON"));
        assertEquals("platform 'platform-a' needs a peer endorsement of PlatformAMSP; endorsements: PlatformBMSP: "
            + "valid peer endorsement", row.get("DETAIL"));
        assertEquals("NOT_ENDORSED", setAsideRow("forged2").get("REASON"));
        assertEquals(2.0, setAsideCount(SetAsideReason.NOT_ENDORSED));
    }

    @Test
    void aConversionNeedsTheEndorsementOfBothPlatforms() {
        store.handle(0, events(0,
            receiptEndorsedBy(List.of(msps.peer(A)), "onlyA", "CONVERT", A, A, "u1", -10, B, "u2", 20),
            receipt("both", "CONVERT", A, A, "u1", -10, B, "u2", 20)));

        assertEquals(Map.of(A, -10L, B, 20L), store.snapshot().supplies());
        assertEquals("NOT_ENDORSED", setAsideRow("onlyA").get("REASON"));
        assertTrue(((String) setAsideRow("onlyA").get("DETAIL")).startsWith("platform 'platform-b' needs"));
    }

    @Test
    void anEndorsementClaimingPlatformAMspWithACertificateFromAnotherCaIsSetAside() throws Exception {
        // Same CA name as A's, another key: the certificate names A's CA as issuer but A's CA never signed it.
        final TestPki.Ca impostor = TestPki.ca("ca.platform-a.pointsnet.local", "platform-a.pointsnet.local");
        final TestBlocks.Endorser fake = TestBlocks.Endorser.of("PlatformAMSP", impostor.issue("peer0", "peer"));
        // And B's genuine peer certificate presented as PlatformAMSP.
        final TestBlocks.Endorser relabelled = TestBlocks.Endorser.of("PlatformAMSP", msps.org(B).peer());

        store.handle(0, events(0, receiptEndorsedBy(List.of(fake), "t1", "ISSUE", A, A, "u1", 5),
            receiptEndorsedBy(List.of(relabelled), "t2", "ISSUE", A, A, "u1", 5)));

        assertEquals(Map.of(), store.snapshot().supplies());
        for (final String tx : List.of("t1", "t2")) {
            final Map<String, Object> row = setAsideRow(tx);
            assertEquals("BAD_ENDORSEMENT", row.get("REASON"));
            assertEquals("platform 'platform-a' needs a peer endorsement of PlatformAMSP; endorsements: PlatformAMSP: "
                + "certificate is not issued by a root CA of that MSP", row.get("DETAIL"));
        }
        assertEquals(1, store.nextBlock());
    }

    @Test
    void aBadSignatureIsSetAside() throws Exception {
        final TestBlocks.Endorser wrongKey = msps.peer(A).signingWith(TestPki.keyPair().getPrivate());

        store.handle(0, events(0, receiptEndorsedBy(List.of(wrongKey), "t1", "ISSUE", A, A, "u1", 5),
            receiptEndorsedBy(List.of(msps.peer(A).withHighS()), "t2", "ISSUE", A, A, "u1", 5)));

        assertEquals(Map.of(), store.snapshot().supplies());
        for (final String tx : List.of("t1", "t2")) {
            assertEquals("BAD_ENDORSEMENT", setAsideRow(tx).get("REASON"));
            assertTrue(((String) setAsideRow(tx).get("DETAIL")).endsWith("PlatformAMSP: signature does not verify "
                + "(ECDSA with SHA-256, low-S)"), (String) setAsideRow(tx).get("DETAIL"));
        }
        assertEquals(2.0, setAsideCount(SetAsideReason.BAD_ENDORSEMENT));
    }

    @Test
    void aClientOfThePlatformIsNotItsPeer() {
        final TestBlocks.Endorser client = TestBlocks.Endorser.of("PlatformAMSP", msps.org(A).client());

        store.handle(0, events(0, receiptEndorsedBy(List.of(client), "t1", "ISSUE", A, A, "u1", 5)));

        assertEquals("BAD_ENDORSEMENT", setAsideRow("t1").get("REASON"));
        assertTrue(((String) setAsideRow("t1").get("DETAIL")).endsWith("PlatformAMSP: certificate is not a peer "
            + "identity (NodeOU OU=peer)"));
    }

    @Test
    void noUserIdIsStoredInClearThePayloadIsSealedAndPostingsNameUsersByBlindIndex() {
        store.handle(0, events(0, receipt("t1", "ISSUE", A, A, "platform-a.alice-in-clear", 7)));

        final Map<String, Object> receipt = jdbc.sql("SELECT * FROM receipt").query().singleRow();
        final Map<String, Object> posting = jdbc.sql("SELECT * FROM posting").query().singleRow();
        assertTrue(!receipt.toString().contains("alice-in-clear") && !posting.toString().contains("alice-in-clear"),
            "a user id in clear");
        assertEquals(cipher.blindIndex(PersonalDataCipher.USER_INDEX, "platform-a.alice-in-clear"),
            posting.get("USER_REF"));
        assertTrue(cipher.open(ProjectionStore.PAYLOAD_PURPOSE, (String) receipt.get("PAYLOAD_SEALED"))
            .contains("platform-a.alice-in-clear"));
        assertEquals(Map.of(A, 7L), store.snapshot().supplies());
    }

    @Test
    void aMalformedPayloadIsSetAsideAndTheResumePositionAdvances() {
        final String payload = "{\"type\":\"ISSUE\", not json";
        store.handle(0, events(0, TestBlocks.Tx.valid("t1", "Receipt", payload).endorsedBy(msps.peer(B))));

        assertEquals(1, store.nextBlock());
        assertEquals(0, count("receipt"));
        final Map<String, Object> row = setAsideRow("t1");
        assertEquals(0L, row.get("BLOCK_NUMBER"));
        assertEquals(0, row.get("TX_INDEX"));
        assertEquals("MALFORMED", row.get("REASON"));
        // Where the parser stopped, never the payload (it may hold user ids).
        assertTrue(((String) row.get("DETAIL")).startsWith("payload is not valid JSON (stopped at line 1, column "),
            (String) row.get("DETAIL"));
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, opened(row.get("PAYLOAD")));
        assertEquals(bytes.length, row.get("PAYLOAD_SIZE"));
        assertEquals(SetAsideStore.sha256(bytes), row.get("PAYLOAD_SHA256"));
        assertEquals(1.0, setAsideCount(SetAsideReason.MALFORMED));

        // The next block is stored as usual.
        store.handle(1, events(1, receipt("t2", "ISSUE", A, A, "u1", 5)));
        assertEquals(Map.of(A, 5L), store.snapshot().supplies());
        assertEquals(2, store.nextBlock());
    }

    @Test
    void wrongTypesNegativeIssuesAndOverflowingAmountsAreSetAsideWithTheirReason() {
        store.handle(0, events(0,
            TestBlocks.Tx.valid("types", "Receipt", TestBlocks.receipt("types", "ISSUE", A, A, "u1", "\"5\""))
                .endorsedBy(msps.peer(A)),
            receipt("negative", "ISSUE", A, A, "u1", -5),
            receipt("huge", "ISSUE", A, A, "u1", "9223372036854775808"),
            receiptEndorsedBy(List.of(msps.peer(A)), "unknown", "ISSUE", "platform-x", "platform-x", "u1", 5)));

        assertEquals("MALFORMED", setAsideRow("types").get("REASON"));
        assertEquals("postings[0].delta is missing or not a number", setAsideRow("types").get("DETAIL"));
        assertEquals("BAD_AMOUNT", setAsideRow("negative").get("REASON"));
        assertEquals("BAD_AMOUNT", setAsideRow("huge").get("REASON"));
        assertEquals("UNKNOWN_PLATFORM", setAsideRow("unknown").get("REASON"));
        assertEquals("platform 'platform-x' is not in pointsnet.trust", setAsideRow("unknown").get("DETAIL"));
        assertEquals(1, store.nextBlock());
        assertEquals(Map.of(), store.snapshot().supplies());
    }

    @Test
    void anUnreadableChaincodeEventIsSetAside() {
        final var garbage = com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) 0xff, 0x01, 0x00});
        store.handle(0, events(0, TestBlocks.Tx.withRawEvent("t1", garbage).endorsedBy(msps.peer(B))));

        final Map<String, Object> row = setAsideRow("t1");
        assertEquals("MALFORMED", row.get("REASON"));
        assertEquals("the chaincode event is not a ChaincodeEvent message; endorsements: "
            + "PlatformBMSP: valid peer endorsement", row.get("DETAIL"));
        assertArrayEquals(garbage.toByteArray(), opened(row.get("PAYLOAD")));
        assertEquals(1, store.nextBlock());
    }

    @Test
    void aMixedBlockProjectsTheGoodTransactionsAndSetsAsideTheBad() {
        store.handle(0, events(0,
            receipt("good1", "ISSUE", A, A, "u1", 100),
            receiptEndorsedBy(List.of(msps.peer(B)), "bad", "ISSUE", A, A, "u1", 1_000_000),
            TestBlocks.Tx.valid("junk", "Receipt", "[]").endorsedBy(msps.peer(B)),
            receipt("good2", "TRANSFER", A, A, "u1", -40, A, "u2", 40),
            receipt("good3", "ISSUE", C, C, "u9", 7)));

        assertEquals(Map.of(A, 100L, C, 7L), store.snapshot().supplies());
        assertEquals(List.of("good1", "good2", "good3"),
            jdbc.sql("SELECT tx_id FROM receipt ORDER BY tx_id").query(String.class).list());
        assertEquals(List.of("bad", "junk"),
            jdbc.sql("SELECT tx_id FROM projection_set_aside ORDER BY tx_index").query(String.class).list());
        assertEquals(List.of(1, 2),
            jdbc.sql("SELECT tx_index FROM projection_set_aside ORDER BY tx_index").query(Integer.class).list());
        assertEquals(1, store.nextBlock());
        assertEquals(1.0, setAsideCount(SetAsideReason.NOT_ENDORSED));
        assertEquals(1.0, setAsideCount(SetAsideReason.MALFORMED));
    }

    @Test
    void everyReasonIsExportedFromZeroAndCountsOncePerEvent() {
        for (final SetAsideReason reason : SetAsideReason.values()) {
            assertEquals(0.0, setAsideCount(reason), reason.name());
        }
        final List<TransactionEvent> block = events(0, TestBlocks.Tx.valid("t1", "Receipt", "x"));
        store.handle(0, block);
        store.handle(0, block); // delivered again after a reconnect: already stored, not counted again

        assertEquals(1.0, setAsideCount(SetAsideReason.MALFORMED));
        assertEquals(1, count("projection_set_aside"));
    }

    @Test
    void aLargePayloadIsKeptAsItsHashAndSizeOnly() {
        final String large = "{\"pad\":\"" + "x".repeat(10_000) + "\"}";
        store.handle(0, events(0, TestBlocks.Tx.valid("t1", "Receipt", large).endorsedBy(msps.peer(A))));

        final Map<String, Object> row = setAsideRow("t1");
        assertNull(row.get("PAYLOAD"));
        assertEquals(large.length(), row.get("PAYLOAD_SIZE"));
        assertEquals(SetAsideStore.sha256(large.getBytes(StandardCharsets.UTF_8)), row.get("PAYLOAD_SHA256"));
    }

    @Test
    void aBlockDeliveredAgainCountsOnce() {
        final List<TransactionEvent> block = events(0, receipt("t1", "ISSUE", A, A, "u1", 10));
        store.handle(0, block);
        store.handle(0, block);

        assertEquals(Map.of(A, 10L), store.snapshot().supplies());
        assertEquals(1, store.nextBlock());
    }

    @Test
    void theSameTransactionInAnotherBlockCountsOnce() {
        store.handle(0, events(0, receipt("t1", "ISSUE", A, A, "u1", 10)));
        store.handle(1, events(1, receipt("t1", "ISSUE", A, A, "u1", 10)));

        assertEquals(Map.of(A, 10L), store.snapshot().supplies());
        assertEquals(2, store.nextBlock());
    }

    @Test
    void aDatabaseFailureMidBlockLeavesNothingAndTheResumePositionUnchanged() {
        store.handle(0, events(0, receipt("t1", "ISSUE", A, A, "u1", 10)));
        // The store refuses one user's posting, as a full disk or a lost connection would: the block's earlier
        // receipt and its set-aside event must not stay behind, and the position must not move.
        jdbc.sql("ALTER TABLE posting ADD CONSTRAINT refuse_boom CHECK (user_ref <> '"
            + cipher.blindIndex(PersonalDataCipher.USER_INDEX, "boom") + "')").update();
        final List<TransactionEvent> broken = events(1, receipt("t2", "ISSUE", A, A, "u2", 5),
            TestBlocks.Tx.valid("t3", "Receipt", "x"), receipt("t4", "ISSUE", A, A, "boom", 5));

        assertThrows(RuntimeException.class, () -> store.handle(1, broken));

        assertEquals(1, store.nextBlock());
        assertEquals(Map.of(A, 10L), store.snapshot().supplies());
        assertEquals(0, jdbc.sql("SELECT COUNT(*) FROM receipt WHERE tx_id = 't2'").query(Integer.class).single());
        assertEquals(0, count("projection_set_aside"));
        assertEquals(0.0, setAsideCount(SetAsideReason.MALFORMED));

        // Once the store works again the block is stored whole, once.
        jdbc.sql("ALTER TABLE posting DROP CONSTRAINT refuse_boom").update();
        store.handle(1, broken);
        assertEquals(Map.of(A, 20L), store.snapshot().supplies());
        assertEquals(1, count("projection_set_aside"));
        assertEquals(1.0, setAsideCount(SetAsideReason.MALFORMED));
        assertEquals(2, store.nextBlock());
    }

    @Test
    void aGapIsRefused() {
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.handle(5, List.of()));
        assertEquals("block 5 arrived while block 0 is the next one to store; refusing to leave a gap",
            e.getMessage());
        assertEquals(0, store.nextBlock());
    }

    @Test
    void anOverflowingTotalIsSetAsideInsteadOfWrapping() {
        store.handle(0, events(0, receipt("t1", "ISSUE", A, A, "u1", Long.MAX_VALUE)));
        store.handle(1, events(1, receipt("t2", "ISSUE", A, A, "u2", 1), receipt("t3", "ISSUE", B, B, "u2", 1)));

        assertEquals(2, store.nextBlock());
        assertEquals(Map.of(A, Long.MAX_VALUE, B, 1L), store.snapshot().supplies());
        assertEquals("TOTAL_OVERFLOW", setAsideRow("t2").get("REASON"));
        assertEquals(0, jdbc.sql("SELECT COUNT(*) FROM posting WHERE tx_id = 't2'").query(Integer.class).single());
        assertEquals(1L, jdbc.sql("SELECT receipts FROM platform_total WHERE platform_id = ?").param(A)
            .query(Long.class).single());
    }
}
