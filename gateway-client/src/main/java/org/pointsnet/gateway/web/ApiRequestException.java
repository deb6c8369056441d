package org.pointsnet.gateway.web;

/** A request refused by the gateway itself (validation, authorization, configuration); becomes a problem. */
public class ApiRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;

    /** @param detail written for the client */
    public ApiRequestException(final ErrorCode code, final String detail) {
        super(code + ": " + detail, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public static ApiRequestException invalid(final String detail) {
        return new ApiRequestException(ErrorCode.VALIDATION_FAILED, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
