package org.pointsnet.chaincode.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * A range query over public state: the iterator the contract sees and the RangeQueryInfo the peer records for
 * phantom-read validation (core/ledger/kvledger/txmgmt/txmgr/query_executor.go, resultsItr).
 *
 * <p>The peer reads ahead in batches of {@value #PEER_BATCH} (QueryResponseGenerator.MaxResultLimit), so what it
 * records is not what the contract consumed: if the range ends within the fetched batches it is recorded as
 * exhausted up to the query's end key; otherwise up to and including the first result of the next batch.
 */
final class RangeRead implements QueryResultsIterator<KeyValue> {
    static final int PEER_BATCH = 100;

    private final String startKey;
    private final String endKey;
    private final List<Map.Entry<String, VersionedValue>> results;
    private int returned;
    private int batchesFetched = 1; // the peer answers GET_STATE_BY_RANGE with the first batch
    private boolean closed;

    RangeRead(final String startKey, final String endKey, final Map<String, VersionedValue> committed) {
        this.startKey = startKey;
        this.endKey = endKey;
        final List<Map.Entry<String, VersionedValue>> snapshot = new ArrayList<>();
        // Copies: a TreeMap's entries are its live nodes, and a later commit would change their values.
        committed.forEach((key, value) -> snapshot.add(Map.entry(key, value)));
        this.results = List.copyOf(snapshot);
    }

    @Override
    public Iterator<KeyValue> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !closed && returned < results.size();
            }

            @Override
            public KeyValue next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (returned == PEER_BATCH * batchesFetched) {
                    batchesFetched++; // the shim sends QUERY_STATE_NEXT and the peer reads on
                }
                final Map.Entry<String, VersionedValue> e = results.get(returned++);
                return new QueryResults.Kv(e.getKey(), e.getValue().value().clone());
            }
        };
    }

    @Override
    public void close() {
        closed = true; // what the peer already read stays recorded
    }

    /** Whether the recorded range still yields the same keys at the same versions (rangeQueryResultsValidator). */
    boolean unchangedIn(final KeySpace state) {
        final boolean exhausted = results.size() <= PEER_BATCH * batchesFetched;
        final int recorded = exhausted ? results.size() : PEER_BATCH * batchesFetched + 1;
        final Map<String, VersionedValue> now = exhausted
                ? state.range(startKey, endKey, false)
                : state.range(startKey, results.get(recorded - 1).getKey(), true);
        if (now.size() != recorded) {
            return false;
        }
        int i = 0;
        for (final Map.Entry<String, VersionedValue> e : now.entrySet()) {
            final Map.Entry<String, VersionedValue> then = results.get(i++);
            if (!e.getKey().equals(then.getKey()) || !e.getValue().version().equals(then.getValue().version())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        final String end = endKey.isEmpty() ? "end" : LedgerKey.readable(endKey);
        return "[" + LedgerKey.readable(startKey) + ", " + end + ")";
    }
}
