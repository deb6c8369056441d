package org.pointsnet.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.testing.ValidationCode.ENDORSEMENT_POLICY_FAILURE;
import static org.pointsnet.chaincode.testing.ValidationCode.MVCC_READ_CONFLICT;
import static org.pointsnet.chaincode.testing.ValidationCode.PHANTOM_READ_CONFLICT;
import static org.pointsnet.chaincode.testing.ValidationCode.VALID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation and commit: MVCC, phantom reads, endorsement policies, history. */
class InMemoryLedgerTest {
    static final String A = "PlatformAMSP";
    static final String B = "PlatformBMSP";
    static final String C = "PlatformCMSP";
    static final TestIdentity ALICE = TestIdentity.of(A, "alice");
    private static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger()
            .members(Set.of(A, B, C))
            .collectionPolicy("ledger-A", Set.of(A))
            .collectionPolicy("ledger-B", Set.of(B));
    private int seq;

    private SimulatedTransaction tx() {
        seq++;
        return ledger.begin("tx" + seq, T0.plusSeconds(seq), ALICE);
    }

    private ValidationCode run(final Set<String> endorsers, final Consumer<SimulatedTransaction> body) {
        final SimulatedTransaction tx = tx();
        body.accept(tx);
        return ledger.commit(tx, endorsers);
    }

    private void seed(final String key, final String value) {
        assertEquals(VALID, run(Set.of(A, B), tx -> tx.putState(key, b(value))));
    }

    private static byte[] b(final String s) {
        return s.getBytes(UTF_8);
    }

    private static byte[] keyLevelPolicy(final String... mspIds) {
        final StateBasedEndorsement sbe = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        sbe.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, mspIds);
        return sbe.policy();
    }

    private static List<String> keys(final Iterable<KeyValue> results) {
        final List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }

    // ---- MVCC ----

    @Test
    void readsSeeCommittedStateNotTheTransactionsOwnWrites() {
        seed("k", "v1");
        assertEquals(VALID, run(Set.of(A), tx -> tx.putPrivateData("ledger-A", "p", b("p1"))));
        final SimulatedTransaction tx = tx();

        tx.putState("k", b("v2"));
        tx.putState("new", b("n"));
        tx.putPrivateData("ledger-A", "p", b("p2"));

        assertArrayEquals(b("v1"), tx.getState("k"));
        assertArrayEquals(new byte[0], tx.getState("new"), "an absent key reads as an empty array");
        assertArrayEquals(b("p1"), tx.getPrivateData("ledger-A", "p"));
        assertArrayEquals(b("v2"), tx.publicWrites().get("k"));
    }

    @Test
    void secondOfTwoReadModifyWritesOfOneKeyInOneBlockConflicts() {
        seed("balance", "10");
        final SimulatedTransaction first = tx();
        final SimulatedTransaction second = tx();
        for (final SimulatedTransaction tx : List.of(first, second)) {
            final int balance = Integer.parseInt(new String(tx.getState("balance"), UTF_8));
            tx.putState("balance", b(Integer.toString(balance + 1)));
        }

        final List<ValidationCode> codes = ledger.commitBlock(
                List.of(new Endorsed(first, Set.of(A, B)), new Endorsed(second, Set.of(A, B))));

        assertEquals(List.of(VALID, MVCC_READ_CONFLICT), codes);
        assertArrayEquals(b("11"), ledger.state("balance").orElseThrow());
        assertTrue(ledger.invalidationReason(second.getTxId()).orElseThrow().contains("balance"));
    }

    @Test
    void readOfAKeyCommittedByAnEarlierBlockConflicts() {
        seed("k", "v1");
        final SimulatedTransaction stale = tx();
        stale.getState("k");
        stale.putState("other", b("x"));
        assertEquals(VALID, run(Set.of(B, C), tx -> tx.putState("k", b("v2"))));

        assertEquals(MVCC_READ_CONFLICT, ledger.commit(stale, Set.of(A, B)));
        assertTrue(ledger.state("other").isEmpty(), "an invalid transaction writes nothing");
    }

    @Test
    void readOfAnAbsentKeyConflictsWhenAnotherTransactionCreatesIt() {
        final SimulatedTransaction first = tx();
        final SimulatedTransaction second = tx();
        for (final SimulatedTransaction tx : List.of(first, second)) {
            tx.getPrivateData("ledger-A", "receipt~r1"); // idempotency check: absent
            tx.putPrivateData("ledger-A", "receipt~r1", b(tx.getTxId()));
        }

        assertEquals(List.of(VALID, MVCC_READ_CONFLICT),
                ledger.commitBlock(List.of(new Endorsed(first, Set.of(A)), new Endorsed(second, Set.of(A)))));
        assertArrayEquals(b(first.getTxId()), ledger.privateState("ledger-A", "receipt~r1").orElseThrow());
    }

    @Test
    void anyEarlierUpdateInTheBlockConflictsEvenADeleteOfAnAbsentKey() {
        final SimulatedTransaction delete = tx();
        delete.delState("k"); // k was never written
        final SimulatedTransaction reader = tx();
        reader.getState("k");
        reader.putState("other", b("x"));

        assertEquals(List.of(VALID, MVCC_READ_CONFLICT), ledger.commitBlock(
                List.of(new Endorsed(delete, Set.of(A, B)), new Endorsed(reader, Set.of(A, B)))));
    }

    @Test
    void blindWritesNeverConflict() {
        final SimulatedTransaction toX = tx();
        final SimulatedTransaction toY = tx();
        final SimulatedTransaction alsoToX = tx();
        toX.putState("x", b("1"));
        toY.putState("y", b("2"));
        alsoToX.putState("x", b("3"));

        final List<ValidationCode> codes = ledger.commitBlock(List.of(new Endorsed(toX, Set.of(A, B)),
                new Endorsed(toY, Set.of(A, B)), new Endorsed(alsoToX, Set.of(A, B))));

        assertEquals(List.of(VALID, VALID, VALID), codes);
        assertArrayEquals(b("3"), ledger.state("x").orElseThrow(), "last write in block order wins");
        assertArrayEquals(b("2"), ledger.state("y").orElseThrow());
    }

    // ---- phantom reads ----

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "insert, acct2, PHANTOM_READ_CONFLICT",
        "update, acct3, PHANTOM_READ_CONFLICT",
        "delete, acct1, PHANTOM_READ_CONFLICT",
        "insert, acct~, VALID", // the end key is exclusive
        "insert, zz, VALID"
    })
    void rangeReadIsInvalidatedByAnyChangeInsideTheRange(final String change, final String key,
            final ValidationCode expected) {
        seed("acct1", "1");
        seed("acct3", "3");
        final SimulatedTransaction scan = tx();
        assertEquals(List.of("acct1", "acct3"), keys(scan.getStateByRange("acct", "acct~")));
        scan.putState("total", b("4"));
        final SimulatedTransaction concurrent = tx();
        if (change.equals("delete")) {
            concurrent.delState(key);
        } else {
            concurrent.putState(key, b("9"));
        }

        final List<ValidationCode> codes = ledger.commitBlock(
                List.of(new Endorsed(concurrent, Set.of(A, B)), new Endorsed(scan, Set.of(A, B))));

        assertEquals(List.of(VALID, expected), codes);
    }

    @Test
    void peerRecordsOnlyTheBatchesItReadAheadNotTheWholeRange() {
        assertEquals(VALID, run(Set.of(A, B), tx -> {
            for (int i = 0; i < 150; i++) {
                tx.putState(String.format("k%03d", i), b("v"));
            }
        }));
        final SimulatedTransaction beyond = tx();
        final SimulatedTransaction within = tx();
        for (final SimulatedTransaction scan : List.of(beyond, within)) {
            int taken = 0;
            for (final KeyValue kv : scan.getStateByRange("k", "l")) {
                if (++taken == 10) {
                    break; // the contract stops early; the peer has read k000..k100
                }
            }
            scan.putState("marker-" + scan.getTxId(), b("x"));
        }

        assertEquals(VALID, run(Set.of(A, B), tx -> tx.putState("k100a", b("after the recorded end"))));
        assertEquals(VALID, ledger.commit(beyond, Set.of(A, B)));
        assertEquals(VALID, run(Set.of(A, B), tx -> tx.putState("k099a", b("inside the recorded range"))));
        assertEquals(PHANTOM_READ_CONFLICT, ledger.commit(within, Set.of(A, B)));
    }

    @Test
    void rangesFollowLevelDbByteOrderNotJavaStringOrder() {
        final String bmpLast = "\uFFFF";
        final String supplementary = new String(Character.toChars(0x10000));
        seed(supplementary, "s");
        seed(bmpLast, "b");
        seed("a", "a");

        assertEquals(List.of("a", bmpLast, supplementary), keys(tx().getStateByRange("", "")));
    }

    // ---- endorsement ----

    @Test
    void privateWriteNeedsTheCollectionsPlatformNotAMajority() {
        assertEquals(ENDORSEMENT_POLICY_FAILURE,
                run(Set.of(B, C), tx -> tx.putPrivateData("ledger-A", "acct~u1", b("100"))));
        assertTrue(ledger.privateState("ledger-A", "acct~u1").isEmpty());

        assertEquals(VALID, run(Set.of(A), tx -> tx.putPrivateData("ledger-A", "acct~u1", b("100"))));
        assertArrayEquals(b("100"), ledger.privateState("ledger-A", "acct~u1").orElseThrow());
    }

    @Test
    void writeToTwoCollectionsNeedsBothPlatforms() {
        final Consumer<SimulatedTransaction> convert = tx -> {
            tx.putPrivateData("ledger-A", "acct~u1", b("90"));
            tx.putPrivateData("ledger-B", "acct~u1", b("10"));
        };
        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(A), convert));
        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(B, C), convert));
        assertEquals(VALID, run(Set.of(A, B), convert));
    }

    @Test
    void publicWriteNeedsAMajorityOfMembers() {
        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(A), tx -> tx.putState("platform~A", b("A"))));
        assertEquals(ENDORSEMENT_POLICY_FAILURE,
                run(Set.of(A, "OutsiderMSP"), tx -> tx.putState("platform~A", b("A"))));
        assertTrue(ledger.state("platform~A").isEmpty());

        assertEquals(VALID, run(Set.of(B, C), tx -> tx.putState("platform~A", b("A"))));
    }

    @Test
    void keyLevelPolicyReplacesTheMajorityForLaterWrites() {
        assertEquals(VALID, run(Set.of(A, B), tx -> {
            tx.putState("acct", b("1"));
            tx.setStateValidationParameter("acct", keyLevelPolicy(A));
        }));

        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(B, C), tx -> tx.putState("acct", b("2"))));
        assertTrue(ledger.invalidationReason("tx2").orElseThrow().contains("key-level policy of acct"));
        assertEquals(VALID, run(Set.of(A), tx -> tx.putState("acct", b("3"))));
        assertArrayEquals(b("3"), ledger.state("acct").orElseThrow());
        assertArrayEquals(keyLevelPolicy(A), tx().getStateValidationParameter("acct"), "kept across value writes");
    }

    @Test
    void keyLevelPolicyOfSeveralOrgsNeedsEachOfThem() {
        assertEquals(VALID, run(Set.of(A), tx -> {
            tx.putPrivateData("ledger-A", "shared", b("1"));
            tx.setPrivateDataValidationParameter("ledger-A", "shared", keyLevelPolicy(A, C));
        }));

        assertEquals(ENDORSEMENT_POLICY_FAILURE,
                run(Set.of(A, B), tx -> tx.putPrivateData("ledger-A", "shared", b("2"))));
        assertEquals(VALID, run(Set.of(A, C), tx -> tx.putPrivateData("ledger-A", "shared", b("3"))));
    }

    @Test
    void writeAfterAnEarlierTransactionInTheBlockChangedTheKeysPolicyFails() {
        seed("k", "v");
        final SimulatedTransaction lock = tx();
        lock.setStateValidationParameter("k", keyLevelPolicy(A));
        final SimulatedTransaction write = tx();
        write.putState("k", b("w"));

        assertEquals(List.of(VALID, ENDORSEMENT_POLICY_FAILURE), ledger.commitBlock(
                List.of(new Endorsed(lock, Set.of(A, B)), new Endorsed(write, Set.of(A, B, C)))));
    }

    @Test
    void validationParameterForAnAbsentKeyIsDropped() {
        assertEquals(VALID, run(Set.of(A, B), tx -> tx.setStateValidationParameter("ghost", keyLevelPolicy(A))));

        assertTrue(ledger.state("ghost").isEmpty());
        assertEquals(VALID, run(Set.of(B, C), tx -> tx.putState("ghost", b("v"))), "no key-level policy was kept");
    }

    @Test
    void deleteDropsTheKeyLevelPolicy() {
        assertEquals(VALID, run(Set.of(A, B), tx -> {
            tx.putState("k", b("1"));
            tx.setStateValidationParameter("k", keyLevelPolicy(A));
        }));
        assertEquals(VALID, run(Set.of(A), tx -> tx.delState("k")));

        assertEquals(VALID, run(Set.of(B, C), tx -> tx.putState("k", b("2"))));
    }

    @Test
    void transactionThatWritesNothingStillNeedsTheChaincodePolicy() {
        seed("k", "v");

        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(A), tx -> tx.getState("k")));
        assertEquals(VALID, run(Set.of(A, C), tx -> tx.getState("k")));
    }

    // ---- history and block bookkeeping ----

    @Test
    void historyListsCommittedWritesNewestFirst() {
        seed("k", "v1");
        seed("k", "v2");
        assertEquals(ENDORSEMENT_POLICY_FAILURE, run(Set.of(A), tx -> tx.putState("k", b("invalid"))));
        assertEquals(VALID, run(Set.of(A, B), tx -> tx.delState("k")));

        final List<KeyModification> history = new ArrayList<>();
        tx().getHistoryForKey("k").forEach(history::add);

        assertEquals(List.of("tx4", "tx2", "tx1"), history.stream().map(KeyModification::getTxId).toList());
        assertEquals(List.of(true, false, false), history.stream().map(KeyModification::isDeleted).toList());
        assertEquals("v2", history.get(1).getStringValue());
        assertEquals(T0.plusSeconds(4), history.get(0).getTimestamp());
        assertEquals(4, ledger.blockHeight());
    }

    @Test
    void putStateWithAnEmptyValueIsADelete() {
        seed("k", "v");

        assertEquals(VALID, run(Set.of(A, B), tx -> tx.putState("k", new byte[0])));

        assertTrue(ledger.state("k").isEmpty());
    }
}
