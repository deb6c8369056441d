package org.pointsnet.chaincode.testing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;

/**
 * World state of one channel for one chaincode: public keys and private collections, with versions, validation
 * parameters and history.
 *
 * <p>Transactions are simulated with {@link #begin} and committed in blocks with {@link #commitBlock}, which
 * validates as a committing peer does: first every transaction's endorsements against the state before the block
 * ({@link EndorsementValidator}), then, in block order, its read set against the state as the earlier valid
 * transactions of the block left it (MVCC and phantom reads). One simulation stands for all endorsing peers, which in
 * Fabric must produce identical results anyway. Block numbers start at 0 (this model has no config blocks).
 */
public final class InMemoryLedger {
    static final String CHANNEL_ID = "points";

    private final Map<String, KeySpace> spaces = new HashMap<>();
    private final Map<String, Policy> collectionPolicies = new HashMap<>();
    private final Map<String, Deque<KeyModification>> history = new HashMap<>();
    private final Set<String> orderedTxIds = new HashSet<>();
    private final Map<String, String> invalidationReasons = new HashMap<>();
    private Policy chaincodePolicy;
    private long height;

    public InMemoryLedger() {
        spaces.put(LedgerKey.PUBLIC, new KeySpace());
    }

    /** Collection-level endorsement policy: a write to {@code collection} needs one of these MSP ids to endorse. */
    public synchronized InMemoryLedger collectionPolicy(final String collection, final Set<String> anyOfMspIds) {
        if (anyOfMspIds.isEmpty()) {
            throw new IllegalArgumentException("a collection policy needs at least one MSP id");
        }
        collection(collection);
        collectionPolicies.put(collection, Policy.anyOf(anyOfMspIds));
        return this;
    }

    /** Declares a collection whose writes need an endorsement of every one of {@code allOfMspIds}. */
    public synchronized InMemoryLedger collectionPolicyAll(final String collection, final Set<String> allOfMspIds) {
        if (allOfMspIds.isEmpty()) {
            throw new IllegalArgumentException("a collection policy needs at least one MSP id");
        }
        collection(collection);
        collectionPolicies.put(collection, Policy.allOf(allOfMspIds));
        return this;
    }

    /** Declares a collection without an endorsement policy of its own: its writes need the chaincode-level policy. */
    public synchronized InMemoryLedger collection(final String collection) {
        if (collection == null || collection.isEmpty()) {
            throw new IllegalArgumentException("collection name must not be empty");
        }
        spaces.putIfAbsent(collection, new KeySpace());
        return this;
    }

    /** The channel's member orgs: the chaincode-level policy is MAJORITY of them (any 2 of 3). */
    public synchronized InMemoryLedger members(final Set<String> mspIds) {
        if (mspIds.isEmpty()) {
            throw new IllegalArgumentException("a channel needs at least one member");
        }
        chaincodePolicy = Policy.majorityOf(mspIds);
        return this;
    }

    /** Starts simulating a transaction as the client {@code creator}. */
    public SimulatedTransaction begin(final String txId, final Instant timestamp, final TestIdentity creator) {
        if (txId == null || txId.isBlank()) {
            throw new IllegalArgumentException("txId must not be blank");
        }
        return new SimulatedTransaction(this, txId, Objects.requireNonNull(timestamp, "timestamp"),
                Objects.requireNonNull(creator, "creator"));
    }

    /** Validates like a committing peer, in block order, and applies the writes of valid transactions. */
    public synchronized List<ValidationCode> commitBlock(final List<Endorsed> transactions) {
        checkOrderable(transactions);
        transactions.forEach(e -> e.tx().markSubmitted());

        // 1. Endorsement policies, for every transaction, against the state before this block.
        final List<Optional<String>> endorsementFailures = new ArrayList<>();
        final Set<LedgerKey> validationParametersUpdated = new HashSet<>();
        for (final Endorsed e : transactions) {
            final ReadWriteSet rwset = e.tx().readWriteSet();
            final Optional<String> failure = EndorsementValidator.failure(
                    rwset, e.endorsingMspIds(), validationParametersUpdated, policies());
            endorsementFailures.add(failure);
            if (failure.isEmpty()) {
                // A later transaction writing one of these keys fails, even if this one fails MVCC below.
                validationParametersUpdated.addAll(rwset.validationParameterWrites().keySet());
            }
        }

        // 2. Read sets, in block order; a valid transaction's writes are applied at once, so later ones see them.
        final long blockNum = height;
        final Set<LedgerKey> updatedInBlock = new HashSet<>();
        final List<ValidationCode> codes = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            final SimulatedTransaction tx = transactions.get(i).tx();
            final Outcome outcome = endorsementFailures.get(i)
                    .map(reason -> new Outcome(ValidationCode.ENDORSEMENT_POLICY_FAILURE, reason))
                    .orElseGet(() -> readConflict(tx.readWriteSet(), updatedInBlock));
            if (outcome.code() == ValidationCode.VALID) {
                apply(tx, new Version(blockNum, i), updatedInBlock);
            } else {
                invalidationReasons.put(tx.getTxId(), outcome.code() + ": " + outcome.reason());
            }
            codes.add(outcome.code());
        }
        height++;
        return List.copyOf(codes);
    }

    /** Commits a block of one transaction. */
    public ValidationCode commit(final SimulatedTransaction tx, final Set<String> endorsingMspIds) {
        return commitBlock(List.of(new Endorsed(tx, endorsingMspIds))).get(0);
    }

    /** The committed value of a public key. */
    public synchronized Optional<byte[]> state(final String key) {
        return Optional.ofNullable(spaces.get(LedgerKey.PUBLIC).get(key)).map(v -> v.value().clone());
    }

    /** The committed value of a key in a private data collection. */
    public synchronized Optional<byte[]> privateState(final String collection, final String key) {
        return Optional.ofNullable(space(collection).get(key)).map(v -> v.value().clone());
    }

    /** Number of blocks committed. */
    public synchronized long blockHeight() {
        return height;
    }

    /** Why a committed transaction was marked invalid (code and the key or policy involved), for test diagnostics. */
    public synchronized Optional<String> invalidationReason(final String txId) {
        return Optional.ofNullable(invalidationReasons.get(txId));
    }

    // ---- used by SimulatedTransaction while simulating ----

    synchronized VersionedValue committed(final LedgerKey key) {
        return space(key.collection()).get(key.key());
    }

    synchronized RangeRead publicRange(final String startKey, final String endKey) {
        return new RangeRead(startKey, endKey, spaces.get(LedgerKey.PUBLIC).range(startKey, endKey, false));
    }

    synchronized List<KeyValue> privateRange(final String collection, final String startKey, final String endKey) {
        final List<KeyValue> results = new ArrayList<>();
        space(collection).range(startKey, endKey, false)
                .forEach((k, v) -> results.add(new QueryResults.Kv(k, v.value().clone())));
        return results;
    }

    synchronized List<KeyModification> history(final String key) {
        return List.copyOf(history.getOrDefault(key, new ArrayDeque<>()));
    }

    /** The peer refuses private data calls on a collection the chaincode definition does not declare. */
    synchronized KeySpace space(final String collection) {
        final KeySpace space = spaces.get(collection);
        if (space == null) {
            throw new ContractRuntimeException("collection [" + collection + "] not defined in the collection config "
                    + "for chaincode [points]: declare it with collectionPolicy(...) or collection(...)");
        }
        return space;
    }

    // ---- validation ----

    private void checkOrderable(final List<Endorsed> transactions) {
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("an orderer never cuts an empty block");
        }
        final Set<String> ids = new HashSet<>();
        for (final Endorsed e : transactions) {
            final SimulatedTransaction tx = e.tx();
            if (tx.ledger() != this) {
                throw new IllegalArgumentException("transaction " + tx.getTxId() + " was simulated on another ledger");
            }
            if (tx.isSubmitted()) {
                throw new IllegalArgumentException("transaction " + tx.getTxId() + " was already submitted");
            }
            if (!ids.add(tx.getTxId()) || orderedTxIds.contains(tx.getTxId())) {
                // Fabric would mark it DUPLICATE_TXID; a duplicate id is a bug in the test, so say so.
                throw new IllegalArgumentException("duplicate txId " + tx.getTxId());
            }
        }
        orderedTxIds.addAll(ids);
    }

    private EndorsementValidator.Policies policies() {
        return new EndorsementValidator.Policies() {
            @Override
            public byte[] committedValidationParameter(final LedgerKey key) {
                final VersionedValue v = committed(key);
                return v == null ? null : v.validationParameter();
            }

            @Override
            public Optional<Policy> collectionPolicy(final String collection) {
                return Optional.ofNullable(collectionPolicies.get(collection));
            }

            @Override
            public Policy chaincodePolicy() {
                if (chaincodePolicy == null) {
                    throw new IllegalStateException(
                            "a transaction needs the chaincode-level policy: call members(...)");
                }
                return chaincodePolicy;
            }
        };
    }

    private record Outcome(ValidationCode code, String reason) {}

    /** VALID when every read still holds; else the first conflict, checked in Fabric's order. */
    private Outcome readConflict(final ReadWriteSet rwset, final Set<LedgerKey> updatedInBlock) {
        for (final boolean publicReads : new boolean[] {true, false}) {
            for (final Map.Entry<LedgerKey, Version> read : rwset.reads().entrySet()) {
                final LedgerKey key = read.getKey();
                if (key.isPublic() != publicReads) {
                    continue;
                }
                // Any update earlier in the block conflicts, even a delete of a key that was already absent.
                final VersionedValue now = committed(key);
                final Version current = now == null ? null : now.version();
                if (updatedInBlock.contains(key) || !Objects.equals(current, read.getValue())) {
                    return new Outcome(ValidationCode.MVCC_READ_CONFLICT, "key " + key + " read at version "
                            + read.getValue() + ", now "
                            + (updatedInBlock.contains(key) ? "updated earlier in this block" : current));
                }
            }
            if (publicReads) {
                for (final RangeRead range : rwset.rangeReads()) {
                    if (!range.unchangedIn(spaces.get(LedgerKey.PUBLIC))) {
                        return new Outcome(ValidationCode.PHANTOM_READ_CONFLICT,
                                "range " + range + " now yields other keys or versions");
                    }
                }
            }
        }
        return new Outcome(ValidationCode.VALID, null);
    }

    /** Applies a valid transaction's writes as Fabric's txOps do (core/ledger/kvledger/txmgmt/validation/tx_ops.go). */
    private void apply(final SimulatedTransaction tx, final Version version, final Set<LedgerKey> updatedInBlock) {
        final ReadWriteSet rwset = tx.readWriteSet();
        final Set<LedgerKey> keys = new LinkedHashSet<>(rwset.writes().keySet());
        keys.addAll(rwset.validationParameterWrites().keySet());
        for (final LedgerKey key : keys) {
            final KeySpace space = spaces.get(key.collection());
            final byte[] value = rwset.writes().get(key);
            final boolean parameterWritten = rwset.validationParameterWrites().containsKey(key);
            final VersionedValue current = space.get(key.key());
            if (value != null && value.length == 0) {
                space.remove(key.key()); // a delete drops the key together with its validation parameter
            } else if (value != null) {
                final byte[] parameter = parameterWritten ? rwset.validationParameterWrites().get(key)
                        : current == null ? null : current.validationParameter(); // kept across value writes
                space.put(key.key(), new VersionedValue(value, version, parameter));
            } else if (current != null) {
                // Parameter only: the value stays, the version moves on, so readers of the key conflict.
                space.put(key.key(), new VersionedValue(current.value(), version,
                        rwset.validationParameterWrites().get(key)));
            } else {
                continue; // a parameter for an absent key is dropped: Fabric turns it into a no-op
            }
            updatedInBlock.add(key);
            if (key.isPublic() && value != null) {
                history.computeIfAbsent(key.key(), k -> new ArrayDeque<>()).addFirst(new QueryResults.Modification(
                        tx.getTxId(), value.clone(), tx.getTxTimestamp(), value.length == 0));
            }
        }
    }
}
