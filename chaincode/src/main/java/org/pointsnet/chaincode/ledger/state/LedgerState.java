package org.pointsnet.chaincode.ledger.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.pointsnet.chaincode.support.Json;

/**
 * One transaction's view of state. Fabric has no read-your-writes, so writes are buffered here and later reads of the
 * same key see them; {@link #flush()} puts everything at the end, in key order. A failed transaction therefore writes
 * nothing at all. A committed value is fetched from the peer once per transaction: a simulation reads one snapshot, so
 * a second round trip for the same key could only return the same bytes.
 */
public final class LedgerState {
    /** A key and the bytes stored under it. */
    public record Entry(String key, byte[] value) {}

    // "" stands for public state; collection names are never empty.
    private static final String PUBLIC = "";
    private static final byte[] DELETED = new byte[0];

    private final ChaincodeStub stub;
    private final Map<String, Map<String, byte[]>> writes = new TreeMap<>();
    // Committed values already fetched, per collection; DELETED marks a key the peer has no value for.
    private final Map<String, Map<String, byte[]>> fetched = new TreeMap<>();

    /** Wraps the transaction's stub. */
    public LedgerState(final ChaincodeStub stub) {
        this.stub = stub;
    }

    /** The underlying stub (tx id, timestamp, events). */
    public ChaincodeStub stub() {
        return stub;
    }

    /** Reads a value of {@code collection}, seeing this transaction's own writes. */
    public <T> Optional<T> read(final String collection, final String key, final Class<T> type) {
        return raw(collection, key).map(bytes -> StoredJson.read(bytes, type));
    }

    /** Reads a public value. */
    public <T> Optional<T> readPublic(final String key, final Class<T> type) {
        return read(PUBLIC, key, type);
    }

    /** Reads raw bytes; empty when absent or deleted. */
    public Optional<byte[]> raw(final String collection, final String key) {
        final Map<String, byte[]> pending = writes.get(collection);
        if (pending != null && pending.containsKey(key)) {
            final byte[] value = pending.get(key);
            return value.length == 0 ? Optional.empty() : Optional.of(value.clone());
        }
        final byte[] stored = fetched.computeIfAbsent(collection, c -> new TreeMap<>())
                .computeIfAbsent(key, k -> fetch(collection, k));
        return stored.length == 0 ? Optional.empty() : Optional.of(stored.clone());
    }

    private byte[] fetch(final String collection, final String key) {
        final byte[] stored = PUBLIC.equals(collection) ? stub.getState(key) : stub.getPrivateData(collection, key);
        // The peer returns an empty array (the shim sometimes null) for a missing key.
        return stored == null ? DELETED : stored;
    }

    /** Buffers a JSON value for {@code collection}. */
    public void write(final String collection, final String key, final Object value) {
        writeRaw(collection, key, Json.writeBytes(value));
    }

    /** Buffers raw bytes (never empty: an empty value is a delete on a peer). */
    public void writeRaw(final String collection, final String key, final byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("empty value for " + key);
        }
        writes.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, value.clone());
    }

    /** Buffers a public JSON value. */
    public void writePublic(final String key, final Object value) {
        write(PUBLIC, key, value);
    }

    /** Buffers a delete. */
    public void delete(final String collection, final String key) {
        writes.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, DELETED);
    }

    /**
     * Committed entries whose key starts with {@code prefix} (a partial composite key), after {@code startAfter}
     * (exclusive; null for the start), at most {@code limit}. Fabric allows private range reads only in transactions
     * that write nothing, so only queries call this. The shim refuses composite keys as plain range bounds, so the
     * partial-key query is used and earlier keys are skipped.
     */
    public List<Entry> range(final String collection, final String prefix, final String startAfter, final int limit) {
        final List<Entry> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = PUBLIC.equals(collection)
                ? stub.getStateByPartialCompositeKey(prefix)
                : stub.getPrivateDataByPartialCompositeKey(collection, prefix)) {
            for (final KeyValue kv : it) {
                if (out.size() == limit) {
                    break;
                }
                if (startAfter == null || kv.getKey().compareTo(startAfter) > 0) {
                    out.add(new Entry(kv.getKey(), kv.getValue()));
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing a range iterator over " + collection, e);
        }
        return out;
    }

    /** Public committed entries under {@code prefix}. */
    public List<Entry> publicRange(final String prefix) {
        return range(PUBLIC, prefix, null, Integer.MAX_VALUE);
    }

    /**
     * Binds later writes of public {@code key} to {@code mspId}'s peers (a key-level endorsement policy). Fabric checks
     * a key's first write against the chaincode-level policy, later ones against this, so after the transaction that
     * creates the key commits, no set of other organizations can change or delete it.
     */
    public void ownPublic(final String key, final String mspId) {
        final StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        policy.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, mspId);
        stub.setStateValidationParameter(key, policy.policy());
    }

    /** Puts every buffered write, collections and keys in sorted order. */
    public void flush() {
        writes.forEach((collection, keys) -> keys.forEach((key, value) -> {
            if (PUBLIC.equals(collection)) {
                if (value.length == 0) {
                    stub.delState(key);
                } else {
                    stub.putState(key, value);
                }
            } else if (value.length == 0) {
                stub.delPrivateData(collection, key);
            } else {
                stub.putPrivateData(collection, key, value);
            }
        }));
        writes.clear();
    }
}
