package org.pointsnet.chaincode.testing;

/** Height of the transaction that last wrote a key, as Fabric's version.Height: block number and index in block. */
record Version(long blockNum, long txNum) {
    @Override
    public String toString() {
        return blockNum + ":" + txNum;
    }
}
