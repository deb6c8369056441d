package org.pointsnet.chaincode.ledger.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.testing.FakeStub;

/** A transaction asks the peer for a committed key once, and its own writes still win over what it read. */
class LedgerStateTest {
    private FakeStub fake;
    private LedgerState state;

    @BeforeEach
    void setUp() {
        fake = new FakeStub("tx-1", Instant.parse("2026-12-01T00:00:00Z"));
        fake.state().put("k", "{\"value\":7}".getBytes(UTF_8));
        state = new LedgerState(fake.stub());
    }

    @Test
    void aCommittedKeyIsFetchedFromThePeerOnce() {
        assertEquals(7, state.readPublic("k", Quantity.class).orElseThrow().value());
        assertEquals(7, state.readPublic("k", Quantity.class).orElseThrow().value());
        assertEquals(1, fetches());
    }

    @Test
    void aMissingKeyIsFetchedOnceAndStaysMissing() {
        assertTrue(state.readPublic("absent", Quantity.class).isEmpty());
        assertTrue(state.readPublic("absent", Quantity.class).isEmpty());
        assertEquals(1, fetches());
    }

    @Test
    void aWriteAfterAReadIsWhatLaterReadsSee() {
        state.readPublic("k", Quantity.class);
        state.writePublic("k", new Quantity(9));
        assertEquals(9, state.readPublic("k", Quantity.class).orElseThrow().value());
        state.delete("", "k");
        assertTrue(state.raw("", "k").isEmpty());
        assertEquals(1, fetches());
    }

    @Test
    void callersCannotChangeWhatWasFetched() {
        state.raw("", "k").orElseThrow()[0] = 'x';
        assertEquals(7, state.readPublic("k", Quantity.class).orElseThrow().value());
    }

    private long fetches() {
        return fake.calls().stream().filter("getState"::equals).count();
    }
}
