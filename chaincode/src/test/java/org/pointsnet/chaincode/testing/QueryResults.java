package org.pointsnet.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/** Query results computed up front; like the shim's iterator, every iterator() call continues the same cursor. */
final class QueryResults<T> implements QueryResultsIterator<T> {
    private Iterator<T> cursor;

    QueryResults(final List<T> results) {
        this.cursor = List.copyOf(results).iterator();
    }

    @Override
    public Iterator<T> iterator() {
        return cursor;
    }

    @Override
    public void close() {
        cursor = Collections.emptyIterator();
    }

    /** One key of a range query result. */
    record Kv(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }
    }

    /** One committed write of a key, for getHistoryForKey; a delete has an empty value. */
    record Modification(String txId, byte[] value, Instant timestamp, boolean deleted) implements KeyModification {
        @Override
        public String getTxId() {
            return txId;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }
    }
}
