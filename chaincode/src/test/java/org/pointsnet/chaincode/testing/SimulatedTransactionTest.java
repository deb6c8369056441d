package org.pointsnet.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.testing.InMemoryLedgerTest.A;
import static org.pointsnet.chaincode.testing.InMemoryLedgerTest.B;
import static org.pointsnet.chaincode.testing.InMemoryLedgerTest.C;
import static org.pointsnet.chaincode.testing.ValidationCode.VALID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.junit.jupiter.api.Test;

/** The stub as a contract sees it: composite keys, identity, events, and calls the peer refuses. */
class SimulatedTransactionTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger()
            .members(Set.of(A, B, C))
            .collectionPolicy("ledger-A", Set.of(A));
    private int seq;

    private SimulatedTransaction tx() {
        seq++;
        return ledger.begin("tx" + seq, T0.plusSeconds(seq), TestIdentity.of(B, "bob"));
    }

    private static byte[] b(final String s) {
        return s.getBytes(UTF_8);
    }

    private static List<String> keys(final Iterable<KeyValue> results) {
        final List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }

    @Test
    void partialCompositeKeyRangeReturnsOnlyThatPrefixInKeyOrder() {
        final SimulatedTransaction setup = tx();
        for (final String[] parts : new String[][] {
            {"acct", "A", "u2"}, {"acct", "A", "u1"}, {"acct", "AB", "u1"}, {"acct", "B", "u1"}, {"rule", "A"}
        }) {
            setup.putState(setup.createCompositeKey(parts[0], List.of(parts).subList(1, parts.length)
                    .toArray(new String[0])).toString(), b(String.join("/", parts)));
        }
        setup.putState("acct", b("plain key, not composite"));
        assertEquals(VALID, ledger.commit(setup, Set.of(A, B)));
        final SimulatedTransaction tx = tx();

        final List<String> found = keys(tx.getStateByPartialCompositeKey("acct", "A"));

        assertEquals(List.of("\u0000acct\u0000A\u0000u1\u0000", "\u0000acct\u0000A\u0000u2\u0000"), found);
        final CompositeKey split = tx.splitCompositeKey(found.get(1));
        assertEquals("acct", split.getObjectType());
        assertEquals(List.of("A", "u2"), split.getAttributes());
        assertEquals(4, keys(tx.getStateByPartialCompositeKey(new CompositeKey("acct"))).size());
        assertEquals(List.of("acct"), keys(tx.getStateByRange("", "")), "plain ranges skip composite keys");
    }

    @Test
    void privatePartialCompositeKeyRangeWorksInAReadOnlyTransaction() {
        final SimulatedTransaction setup = tx();
        setup.putPrivateData("ledger-A", setup.createCompositeKey("supply", "d1", "tx1").toString(), b("5"));
        setup.putPrivateData("ledger-A", setup.createCompositeKey("supply", "d2", "tx2").toString(), b("7"));
        assertEquals(VALID, ledger.commit(setup, Set.of(A)));

        final List<String> found = keys(tx().getPrivateDataByPartialCompositeKey("ledger-A", "supply", "d1"));

        assertEquals(List.of("\u0000supply\u0000d1\u0000tx1\u0000"), found);
    }

    @Test
    void contextCarriesTheCreatorsIdentity() {
        final SimulatedTransaction tx = ledger.begin("t", T0, TestIdentity.of(C, "carol"));

        final ClientIdentity identity = tx.context().getClientIdentity();

        assertEquals(C, identity.getMSPID());
        assertTrue(identity.getId().startsWith("x509::") && identity.getId().contains("CN=carol"), identity.getId());
        assertEquals(C, tx.getMspId(), "the endorsing peer defaults to the creator's org");
        assertEquals(A, tx.onPeer(A).getMspId());
        assertEquals("points", tx.getChannelId());
        assertEquals(T0, tx.getTxTimestamp());
        assertEquals(Map.of(), tx.getTransient());
        assertArrayEquals(TestIdentity.of(C, "carol").serializedIdentity(), tx.getCreator(), "identities are stable");
    }

    @Test
    void onlyTheLastEventCounts() {
        final SimulatedTransaction tx = tx();
        assertTrue(tx.event().isEmpty());

        tx.setEvent("First", b("1"));
        tx.setEvent("Receipt", b("2"));

        assertEquals("Receipt", tx.event().orElseThrow().getEventName());
        assertEquals("2", tx.event().orElseThrow().getPayload().toStringUtf8());
    }

    @Test
    void writesAreRecordedForAssertionsWithDeletesAsEmptyValues() {
        final SimulatedTransaction tx = tx();
        tx.putState("a", b("1"));
        tx.putState("a", b("2"));
        tx.delState("gone");
        tx.putPrivateData("ledger-A", "p", b("3"));

        assertEquals(List.of("a", "gone"), List.copyOf(tx.publicWrites().keySet()));
        assertArrayEquals(b("2"), tx.publicWrites().get("a"));
        assertArrayEquals(new byte[0], tx.publicWrites().get("gone"));
        assertArrayEquals(b("3"), tx.privateWrites().get("ledger-A").get("p"));
    }

    @Test
    void peerRefusesWritesAfterAPrivateRangeQueryAndViceVersa() {
        final SimulatedTransaction queriedFirst = tx();
        queriedFirst.getPrivateDataByRange("ledger-A", "", "");
        final ContractRuntimeException writeAfterQuery =
                assertThrows(ContractRuntimeException.class, () -> queriedFirst.putState("k", b("v")));
        assertTrue(writeAfterQuery.getMessage().contains("Writes are not allowed"));

        final SimulatedTransaction wroteFirst = tx();
        wroteFirst.putPrivateData("ledger-A", "k", b("v"));
        assertThrows(ContractRuntimeException.class,
                () -> wroteFirst.getPrivateDataByPartialCompositeKey("ledger-A", "acct"));
    }

    @Test
    void peerRefusesAnUndeclaredCollection() {
        final ContractRuntimeException e =
                assertThrows(ContractRuntimeException.class, () -> tx().getPrivateData("ledger-Z", "k"));
        assertTrue(e.getMessage().contains("ledger-Z"));
    }

    @Test
    void simulationCannotSpanACommitNorContinueAfterSubmission() {
        final SimulatedTransaction longRunning = tx();
        longRunning.getState("k");
        final SimulatedTransaction other = tx();
        other.putState("k", b("v"));
        assertEquals(VALID, ledger.commit(other, Set.of(A, B)));

        assertThrows(IllegalStateException.class, () -> longRunning.getState("k"));
        assertThrows(IllegalStateException.class, () -> other.putState("k", b("again")));
        assertThrows(IllegalArgumentException.class, () -> ledger.commit(other, Set.of(A, B)), "submitted twice");
    }

    @Test
    void unmodelledCallsFailLoudly() {
        final SimulatedTransaction tx = tx();

        final UnsupportedOperationException rich =
                assertThrows(UnsupportedOperationException.class, () -> tx.getQueryResult("{\"selector\":{}}"));
        assertTrue(rich.getMessage().contains("rich queries"));
        assertThrows(UnsupportedOperationException.class, () -> tx.getStateByRangeWithPagination("a", "b", 10, ""));
        assertThrows(UnsupportedOperationException.class, () -> tx.invokeChaincode("other", List.of()));
        assertThrows(UnsupportedOperationException.class, tx::getFunction);
    }

    @Test
    void invalidKeyLevelPolicyIsRejectedWhenSet() {
        final SimulatedTransaction tx = tx();

        assertThrows(IllegalArgumentException.class, () -> tx.setStateValidationParameter("k", b("not a policy")));
    }
}
