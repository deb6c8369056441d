package org.pointsnet.chaincode.testing;

import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The committed keys of the public state or of one collection, kept in LevelDB order. */
final class KeySpace {
    /**
     * LevelDB orders keys by their UTF-8 bytes, which is code point order. String.compareTo compares UTF-16 units
     * and puts U+10000.. (surrogate pairs) before U+E000..U+FFFF, so it is not used.
     */
    static final Comparator<String> LEVELDB_ORDER = KeySpace::compareCodePoints;

    private final NavigableMap<String, VersionedValue> keys = new TreeMap<>(LEVELDB_ORDER);

    VersionedValue get(final String key) {
        return keys.get(key);
    }

    void put(final String key, final VersionedValue value) {
        keys.put(key, value);
    }

    void remove(final String key) {
        keys.remove(key);
    }

    /** Keys from start (inclusive) to end; an empty end means no upper bound, as in the peer's range scan. */
    NavigableMap<String, VersionedValue> range(final String start, final String end, final boolean endInclusive) {
        if (end.isEmpty()) {
            return Collections.unmodifiableNavigableMap(keys.tailMap(start, true));
        }
        if (LEVELDB_ORDER.compare(start, end) > 0) {
            return Collections.emptyNavigableMap(); // LevelDB yields nothing rather than failing
        }
        return Collections.unmodifiableNavigableMap(keys.subMap(start, true, end, endInclusive));
    }

    private static int compareCodePoints(final String a, final String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            final int ca = a.codePointAt(i);
            final int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
