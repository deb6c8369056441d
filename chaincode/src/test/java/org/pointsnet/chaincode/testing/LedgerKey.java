package org.pointsnet.chaincode.testing;

/** A key in the public state (collection "") or in one private data collection, as Fabric's (ns, coll, key). */
record LedgerKey(String collection, String key) {
    static final String PUBLIC = "";

    static LedgerKey publicKey(final String key) {
        return new LedgerKey(PUBLIC, key);
    }

    boolean isPublic() {
        return collection.isEmpty();
    }

    @Override
    public String toString() {
        return isPublic() ? readable(key) : collection + "/" + readable(key);
    }

    /** For failure messages: composite-key separators as '~', the partial-key range end (U+10FFFF) as '*'. */
    static String readable(final String key) {
        return key.replace('\u0000', '~').replace("\udbff\udfff", "*");
    }
}
