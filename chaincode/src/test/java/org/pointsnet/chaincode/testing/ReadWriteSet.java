package org.pointsnet.chaincode.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction's read-write set, as Fabric's TxRwSet for one namespace: point reads with the versions seen,
 * public range reads, value writes and validation-parameter (metadata) writes, public and private alike.
 */
final class ReadWriteSet {
    /** Version seen per key; null records a read of an absent key, as Fabric's nil version. */
    private final Map<LedgerKey, Version> reads = new LinkedHashMap<>();

    private final List<RangeRead> rangeReads = new ArrayList<>();
    /** Last value written per key (later writes replace earlier ones); an empty value is a delete. */
    private final Map<LedgerKey, byte[]> writes = new LinkedHashMap<>();

    private final Map<LedgerKey, byte[]> validationParameterWrites = new LinkedHashMap<>();

    void read(final LedgerKey key, final Version version) {
        reads.put(key, version);
    }

    void rangeRead(final RangeRead range) {
        rangeReads.add(range);
    }

    /** Fabric's KVWrite has IsDelete = len(value) == 0: putState with an empty array deletes, like delState. */
    void write(final LedgerKey key, final byte[] value) {
        writes.put(key, value.clone());
    }

    void writeValidationParameter(final LedgerKey key, final byte[] validationParameter) {
        validationParameterWrites.put(key, validationParameter.clone());
    }

    Map<LedgerKey, Version> reads() {
        return Collections.unmodifiableMap(reads);
    }

    List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    Map<LedgerKey, byte[]> writes() {
        return Collections.unmodifiableMap(writes);
    }

    Map<LedgerKey, byte[]> validationParameterWrites() {
        return Collections.unmodifiableMap(validationParameterWrites);
    }

    /** Every key the endorsement check covers, public before private as the validator walks them. */
    Set<LedgerKey> writtenKeys() {
        final Set<LedgerKey> keys = new LinkedHashSet<>();
        for (final boolean wantPublic : new boolean[] {true, false}) {
            writes.keySet().stream().filter(k -> k.isPublic() == wantPublic).forEach(keys::add);
            validationParameterWrites.keySet().stream().filter(k -> k.isPublic() == wantPublic).forEach(keys::add);
        }
        return keys;
    }
}
