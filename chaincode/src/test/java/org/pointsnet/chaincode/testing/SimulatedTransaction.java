package org.pointsnet.chaincode.testing;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's simulation: a {@link ChaincodeStub} that reads committed state and records reads and writes.
 *
 * <p>As on a peer: reads return the committed value even after a write in the same transaction (no read-your-writes),
 * a missing key reads as an empty array, and the whole simulation sees one committed state (the peer holds its state
 * lock until the simulation is done), so committing other transactions midway is reported as a test error. Argument
 * checks and composite-key handling follow the shim's InvocationStubImpl; peer-side refusals are thrown as the shim
 * surfaces them, as {@link ContractRuntimeException}.
 *
 * <p>Not thread-safe: a simulation runs on one thread (the ledger itself is thread-safe).
 */
public final class SimulatedTransaction implements ChaincodeStub {
    // The shim's bounds for "no start key" and the end of a partial composite key range.
    private static final String UNSPECIFIED_START_KEY = new String(Character.toChars(0x000001));
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final InMemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final TestIdentity creator;
    private final ReadWriteSet rwset = new ReadWriteSet();
    private String peerMspId;
    private ChaincodeEvent event;
    private Context context;
    private long simulatedAtHeight = -1;
    private boolean wrote;
    private boolean queriedPrivateData;
    private volatile boolean submitted; // set by the committing thread

    SimulatedTransaction(final InMemoryLedger ledger, final String txId, final Instant timestamp,
            final TestIdentity creator) {
        this.ledger = ledger;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator;
        this.peerMspId = creator.mspId();
    }

    /** A real contract {@link Context} over this stub: its ClientIdentity parses the creator's certificate. */
    public Context context() {
        if (context == null) {
            context = new Context(this);
        }
        return context;
    }

    /** The event set by setEvent: only the last call counts, as in Fabric. */
    public Optional<ChaincodeEvent> event() {
        return Optional.ofNullable(event);
    }

    /** Public writes in first-write order, last value per key; a delete shows as an empty array. */
    public Map<String, byte[]> publicWrites() {
        final Map<String, byte[]> writes = new LinkedHashMap<>();
        rwset.writes().forEach((k, v) -> {
            if (k.isPublic()) {
                writes.put(k.key(), v.clone());
            }
        });
        return Collections.unmodifiableMap(writes);
    }

    /** Private writes per collection, as {@link #publicWrites()}. */
    public Map<String, Map<String, byte[]>> privateWrites() {
        final Map<String, Map<String, byte[]>> writes = new LinkedHashMap<>();
        rwset.writes().forEach((k, v) -> {
            if (!k.isPublic()) {
                writes.computeIfAbsent(k.collection(), c -> new LinkedHashMap<>()).put(k.key(), v.clone());
            }
        });
        writes.replaceAll((c, m) -> Collections.unmodifiableMap(m));
        return Collections.unmodifiableMap(writes);
    }

    /** The MSP of the peer running the simulation, which {@link #getMspId()} reports; by default the creator's. */
    public SimulatedTransaction onPeer(final String mspId) {
        peerMspId = Objects.requireNonNull(mspId, "mspId");
        return this;
    }

    // ---- identity and proposal ----

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return InMemoryLedger.CHANNEL_ID;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.serializedIdentity();
    }

    @Override
    public String getMspId() {
        return peerMspId;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        final ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name);
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    // ---- public state ----

    @Override
    public byte[] getState(final String key) {
        return read(LedgerKey.publicKey(key));
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        return readValidationParameter(LedgerKey.publicKey(key));
    }

    @Override
    public void putState(final String key, final byte[] value) {
        validateKey(key);
        write(LedgerKey.publicKey(key), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        validateKey(key);
        writeValidationParameter(LedgerKey.publicKey(key), value);
    }

    @Override
    public void delState(final String key) {
        write(LedgerKey.publicKey(key), new byte[0]);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        final String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return publicRange(start, end);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey)
                : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        final String prefix = partialKeyPrefix(compositeKey);
        return publicRange(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        beginAccess();
        return new QueryResults<>(ledger.history(key)); // history queries are not validated at commit
    }

    // ---- private data ----

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        return read(privateKey(collection, key));
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        final byte[] value = read(privateKey(collection, key));
        if (value.length == 0) {
            return value;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        return readValidationParameter(privateKey(collection, key));
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        validateKey(key);
        write(privateKey(collection, key), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key,
            final byte[] value) {
        validateKey(key);
        writeValidationParameter(privateKey(collection, key), value);
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        write(privateKey(collection, key), new byte[0]);
    }

    /** As a delete: this model keeps no private data history for a purge to remove. */
    @Override
    public void purgePrivateData(final String collection, final String key) {
        write(privateKey(collection, key), new byte[0]);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection,
            final String startKey, final String endKey) {
        validateCollection(collection);
        final String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return privateRange(collection, start, end);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        final CompositeKey key;
        if (compositeKey == null) {
            key = new CompositeKey("");
        } else if (compositeKey.startsWith(CompositeKey.NAMESPACE)) {
            key = CompositeKey.parseCompositeKey(compositeKey);
        } else {
            key = new CompositeKey(compositeKey);
        }
        return getPrivateDataByPartialCompositeKey(collection, key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        return getPrivateDataByPartialCompositeKey(collection, new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey compositeKey) {
        final String prefix = partialKeyPrefix(compositeKey);
        return privateRange(collection, prefix, prefix + MAX_UNICODE_RUNE);
    }

    // ---- not modelled ----

    @Override
    public List<byte[]> getArgs() {
        throw unsupported("getArgs: call the contract method directly with context()");
    }

    @Override
    public List<String> getStringArgs() {
        throw unsupported("getStringArgs: call the contract method directly with context()");
    }

    @Override
    public String getFunction() {
        throw unsupported("getFunction: call the contract method directly with context()");
    }

    @Override
    public List<String> getParameters() {
        throw unsupported("getParameters: call the contract method directly with context()");
    }

    @Override
    public Chaincode.Response invokeChaincode(final String chaincodeName, final List<byte[]> args,
            final String channel) {
        throw unsupported("invokeChaincode: PointsNet has one chaincode");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        throw unsupported("paginated queries (Fabric allows them only in read-only transactions)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        throw unsupported("paginated queries (Fabric allows them only in read-only transactions)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw unsupported("rich queries (they need CouchDB; LevelDB peers reject them)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw unsupported("rich queries (they need CouchDB; LevelDB peers reject them)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw unsupported("rich queries (they need CouchDB; LevelDB peers reject them)");
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("getSignedProposal: there is no signed proposal");
    }

    @Override
    public byte[] getBinding() {
        throw unsupported("getBinding: there is no signed proposal");
    }

    // ---- for InMemoryLedger ----

    InMemoryLedger ledger() {
        return ledger;
    }

    ReadWriteSet readWriteSet() {
        return rwset;
    }

    boolean isSubmitted() {
        return submitted;
    }

    void markSubmitted() {
        submitted = true;
    }

    // ---- simulation ----

    private byte[] read(final LedgerKey key) {
        beginAccess();
        final VersionedValue committed = ledger.committed(key);
        rwset.read(key, committed == null ? null : committed.version());
        return committed == null ? new byte[0] : committed.value().clone();
    }

    /** Reading a validation parameter records a read of the key, as the peer's GetStateMetadata does. */
    private byte[] readValidationParameter(final LedgerKey key) {
        beginAccess();
        final VersionedValue committed = ledger.committed(key);
        rwset.read(key, committed == null ? null : committed.version());
        return committed == null || committed.validationParameter() == null
                ? null
                : committed.validationParameter().clone();
    }

    private void write(final LedgerKey key, final byte[] value) {
        beforeWrite();
        rwset.write(key, value);
    }

    private void writeValidationParameter(final LedgerKey key, final byte[] value) {
        Objects.requireNonNull(value, "validation parameter");
        if (value.length > 0) {
            Policy.fromValidationParameter(value); // a bad policy fails here, not as a puzzling commit result
        }
        beforeWrite();
        rwset.writeValidationParameter(key, value);
    }

    private QueryResultsIterator<KeyValue> publicRange(final String start, final String end) {
        beginAccess();
        final RangeRead range = ledger.publicRange(start, end);
        rwset.rangeRead(range);
        return range;
    }

    /**
     * The peer records nothing for a private range query (no phantom protection; txmgr pvtdataResultsItr), and so
     * allows it only in a transaction that writes nothing (txSimulator.checkBeforePvtdataQueries).
     */
    private QueryResultsIterator<KeyValue> privateRange(final String collection, final String start,
            final String end) {
        validateCollection(collection);
        beginAccess();
        ledger.space(collection);
        if (wrote) {
            throw new ContractRuntimeException("txid [" + txId + "]: unsupported transaction. Queries on pvt data "
                    + "is supported only in a read-only transaction");
        }
        queriedPrivateData = true;
        return new QueryResults<>(ledger.privateRange(collection, start, end));
    }

    private void beforeWrite() {
        beginAccess();
        if (queriedPrivateData) {
            throw new ContractRuntimeException("txid [" + txId + "]: unsupported transaction. Transaction has "
                    + "already performed queries on pvt data. Writes are not allowed");
        }
        wrote = true;
    }

    private void beginAccess() {
        if (submitted) {
            throw new IllegalStateException("transaction " + txId + " was already submitted; begin a new one");
        }
        final long height = ledger.blockHeight();
        if (simulatedAtHeight < 0) {
            simulatedAtHeight = height;
        } else if (simulatedAtHeight != height) {
            throw new IllegalStateException("transaction " + txId + " started simulating at block height "
                    + simulatedAtHeight + " but the ledger is now at " + height + ": a peer holds its state lock "
                    + "for a whole simulation, so finish simulating before committing other transactions");
        }
    }

    private LedgerKey privateKey(final String collection, final String key) {
        validateCollection(collection);
        ledger.space(collection); // an undeclared collection is refused by the peer
        return new LedgerKey(collection, key);
    }

    private static String partialKeyPrefix(final CompositeKey compositeKey) {
        return (compositeKey == null ? new CompositeKey(UNSPECIFIED_START_KEY) : compositeKey).toString();
    }

    private static void validateKey(final String key) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot not be an empty string");
        }
    }

    private static void validateCollection(final String collection) {
        Objects.requireNonNull(collection, "collection cannot be null");
        if (collection.isEmpty()) {
            throw new IllegalArgumentException("collection must not be an empty string");
        }
    }

    private static UnsupportedOperationException unsupported(final String what) {
        return new UnsupportedOperationException("SimulatedTransaction does not model " + what);
    }
}
