package org.pointsnet.gateway.fabric;

import java.util.Optional;
import org.pointsnet.contract.ErrorCode;

/**
 * The chaincode answered with an error whose message starts with a code ("VALIDATION_FAILED: ..."). The code and
 * detail are the chaincode's own words, meant for clients. A code this gateway does not know (a chaincode built
 * after it) is kept as written, so the client still gets the chaincode's refusal rather than a gateway failure.
 */
public final class ChaincodeRejectedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final ErrorCode known;
    private final String detail;

    public ChaincodeRejectedException(final ErrorCode code, final String detail, final String transactionId,
                                      final Throwable cause) {
        this(code.name(), detail, transactionId, cause);
    }

    /** @param code the code as the chaincode wrote it, known to this gateway or not */
    public ChaincodeRejectedException(final String code, final String detail, final String transactionId,
                                      final Throwable cause) {
        super(code + ": " + detail, transactionId, cause);
        this.code = code;
        this.known = ErrorCode.named(code).orElse(null);
        this.detail = detail;
    }

    /** The code as the chaincode wrote it. */
    public String code() {
        return code;
    }

    /** The code, when it is one of the contract's; empty for a code this gateway does not know. */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(known);
    }

    public String detail() {
        return detail;
    }
}
