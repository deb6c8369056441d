package org.pointsnet.gateway.probe;

/** Answer to a committed PutValue. */
public record PutValueResponse(String txId, long blockNumber, String validationCode, String key, String value) {

    static PutValueResponse from(final CommittedWrite write) {
        return new PutValueResponse(write.txId(), write.blockNumber(), write.validationCode(), write.key(),
            write.value());
    }
}
