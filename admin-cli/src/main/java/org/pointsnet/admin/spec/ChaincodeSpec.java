package org.pointsnet.admin.spec;

/** The chaincode every platform org runs: name, version and chaincode-level endorsement policy. */
public record ChaincodeSpec(String name, String version, String endorsementPolicy) {
}
