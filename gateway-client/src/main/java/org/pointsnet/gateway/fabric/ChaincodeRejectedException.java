package org.pointsnet.gateway.fabric;

/**
 * The chaincode answered with an error whose message starts with a code ("VALIDATION_FAILED: ...").
 * The code and detail are the chaincode's own words, meant for clients.
 */
public final class ChaincodeRejectedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detail;

    public ChaincodeRejectedException(final String code, final String detail, final String transactionId,
                                      final Throwable cause) {
        super(code + ": " + detail, transactionId, cause);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
