package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.ErrorCode;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.Receipt;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.support.UnusedLedger;
import tools.jackson.databind.json.JsonMapper;

class SupplyFoldingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicBoolean holder = new AtomicBoolean(true);
    private final FakeLedger ledger = new FakeLedger();

    /** The chaincode's part, in memory: unfolded deltas, listed at most 200, folded by name or refused NOT_FOUND. */
    private static final class FakeLedger extends UnusedLedger {
        final List<SupplyFolding.Delta> deltas = new ArrayList<>();
        final List<LedgerRequest.FoldSupply> folds = new ArrayList<>();
        int evaluations;
        RuntimeException refusal;
        RuntimeException listRefusal;

        void add(final int count) {
            final int start = deltas.size();
            for (int i = 0; i < count; i++) {
                deltas.add(new SupplyFolding.Delta("2026-12-01", String.format("tx%05d", start + i), 1));
            }
        }

        @Override
        public String evaluate(final LedgerFunction function, final LedgerRequest request) {
            assertEquals(LedgerFunction.GET_SUPPLY_DELTAS, function);
            assertEquals(new LedgerRequest.OfPlatform("platform-a"), request);
            evaluations++;
            if (listRefusal != null) {
                throw listRefusal;
            }
            return JsonMapper.shared().writeValueAsString(deltas.subList(0, Math.min(deltas.size(),
                Limits.MAX_FOLD_DELTAS)));
        }

        @Override
        public Committed submit(final LedgerFunction function, final LedgerRequest request) {
            assertEquals(LedgerFunction.FOLD_SUPPLY, function);
            if (refusal != null) {
                throw refusal;
            }
            final LedgerRequest.FoldSupply fold = (LedgerRequest.FoldSupply) request;
            folds.add(fold);
            for (final LedgerRequest.SupplyDelta key : fold.deltas()) {
                assertTrue(deltas.removeIf(d -> d.day().equals(key.day()) && d.txId().equals(key.txId())));
            }
            final String txId = "fold-tx-" + folds.size();
            return new Committed(txId, folds.size(), new Receipt("FOLD_SUPPLY", fold.requestId(), "h", txId,
                "2026-12-01T00:00:00Z", "platform-a", List.of(), null, null));
        }




    }

    private SupplyFolding folding(final long minDeltas) {
        return new SupplyFolding(ledger, JsonMapper.shared(), meters, "platform-a", holder::get,
            Duration.ofSeconds(60), minDeltas);
    }

    private double folds(final String outcome) {
        return meters.counter("pointsnet.supply.folds", "outcome", outcome).count();
    }

    @Test
    void foldsOnlyOnceEnoughDeltasWait() {
        ledger.add(99);
        assertEquals(0, folding(100).run());
        assertTrue(ledger.folds.isEmpty());

        ledger.add(1);
        assertEquals(100, folding(100).run());
        assertEquals(1, ledger.folds.size());
        final LedgerRequest.FoldSupply fold = ledger.folds.get(0);
        assertEquals("platform-a", fold.platformId());
        assertEquals(100, fold.deltas().size());
        assertEquals(new LedgerRequest.SupplyDelta("2026-12-01", "tx00000"), fold.deltas().get(0));
        assertTrue(ledger.deltas.isEmpty());
        assertEquals(1.0, folds("folded"));
        assertEquals(100.0, meters.counter("pointsnet.supply.folded.deltas").count());
    }

    @Test
    void aBacklogIsFoldedAFullPageAtATime() {
        ledger.add(450);
        assertEquals(400, folding(100).run());
        assertEquals(List.of(200, 200), ledger.folds.stream().map(f -> f.deltas().size()).toList());
        assertEquals(50, ledger.deltas.size());

        ledger.deltas.clear();
        ledger.add(6_000);
        assertEquals(SupplyFolding.MAX_FOLDS_PER_RUN * Limits.MAX_FOLD_DELTAS, folding(1).run());
    }

    @Test
    void onlyTheLeaseHolderFoldsAndZeroNeverFolds() {
        ledger.add(300);
        holder.set(false);
        assertEquals(0, folding(100).run());
        holder.set(true);
        assertEquals(0, folding(0).run());
        assertEquals(0, ledger.evaluations);
        assertTrue(ledger.folds.isEmpty());
    }

    @Test
    void aFoldAnotherGatewayWonIsNotAnErrorButOtherRefusalsAre() {
        ledger.add(150);
        ledger.refusal = new ChaincodeRejectedException(ErrorCode.NOT_FOUND, "platform 'platform-a' has no unfolded "
            + "supply delta of day 2026-12-01 and transaction 'tx00003'", "t9", null);
        assertEquals(0, folding(100).run());
        assertEquals(1.0, folds("raced"));

        ledger.refusal = new ChaincodeRejectedException(ErrorCode.FORBIDDEN, "not yours", "t10", null);
        assertThrows(ChaincodeRejectedException.class, () -> folding(100).run());
        assertEquals(150, ledger.deltas.size());
    }

    @Test
    void anUnregisteredPlatformHasNothingToFoldYet() {
        ledger.listRefusal = new ChaincodeRejectedException(ErrorCode.NOT_FOUND,
            "platform 'platform-a' is not registered", null, null);
        assertEquals(0, folding(1).run());
        assertEquals(0.0, folds("failed"));
        ledger.listRefusal = new ChaincodeRejectedException(ErrorCode.FORBIDDEN, "no", null, null);
        assertThrows(ChaincodeRejectedException.class, () -> folding(1).run());
    }

    @Test
    void theSameDeltasAreTheSameRequest() {
        final List<LedgerRequest.SupplyDelta> keys = List.of(new LedgerRequest.SupplyDelta("2026-12-01", "t1"),
            new LedgerRequest.SupplyDelta("2026-12-01", "t2"));
        final String id = SupplyFolding.requestId(keys);
        assertEquals(id, SupplyFolding.requestId(List.copyOf(keys)));
        assertNotEquals(id, SupplyFolding.requestId(keys.subList(0, 1)));
        assertTrue(Limits.REQUEST_ID.matcher(id).matches() && id.startsWith("fold-"), id);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SupplyFolding(ledger, JsonMapper.shared(), meters,
            "platform-a", holder::get, Duration.ZERO, 100));
        assertThrows(IllegalArgumentException.class, () -> folding(Limits.MAX_FOLD_DELTAS + 1));
    }
}
