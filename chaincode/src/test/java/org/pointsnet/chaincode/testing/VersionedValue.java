package org.pointsnet.chaincode.testing;

/**
 * A committed key: value, version and key-level validation parameter (null when the key has none).
 *
 * <p>Arrays are owned by the ledger: callers copy before handing them out.
 */
record VersionedValue(byte[] value, Version version, byte[] validationParameter) {
    boolean hasValidationParameter() {
        return validationParameter != null && validationParameter.length > 0;
    }
}
