package org.pointsnet.chaincode.testing;

/** How a committing peer marks a transaction: the subset of Fabric's TxValidationCode that this model produces. */
public enum ValidationCode {
    /** The writes were applied. */
    VALID,
    /** A key read (or its validation parameter read) changed between simulation and commit. */
    MVCC_READ_CONFLICT,
    /** A public range query would now return other keys or versions. */
    PHANTOM_READ_CONFLICT,
    /** The endorsing orgs do not satisfy a policy some written key needs. */
    ENDORSEMENT_POLICY_FAILURE
}
