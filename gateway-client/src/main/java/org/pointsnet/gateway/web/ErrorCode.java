package org.pointsnet.gateway.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The {@code code} of every problem response, with its HTTP status and title. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    /** No access token, or one that is malformed, expired, revoked or not meant for this gateway. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    /** A client that must sign its requests (RFC 9421) sent one without a valid signature; member reason says why. */
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "Signature invalid"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    /** Points would go to (or come from) a user id that no platform created: malformed, or never registered. */
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
    /** The Idempotency-Key (chaincode request id) was used before for a different request. */
    IDEMPOTENCY_KEY_REUSED(HttpStatus.CONFLICT, "Idempotency key reused"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    INSUFFICIENT_BALANCE(HttpStatus.UNPROCESSABLE_CONTENT, "Insufficient balance"),
    LIMIT_EXCEEDED(HttpStatus.UNPROCESSABLE_CONTENT, "Limit exceeded"),
    RATE_NOT_FOUND(HttpStatus.UNPROCESSABLE_CONTENT, "Rate not found"),
    SLIPPAGE(HttpStatus.UNPROCESSABLE_CONTENT, "Slippage"),
    REWARD_UNAVAILABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Reward unavailable"),
    PLATFORM_SUSPENDED(HttpStatus.UNPROCESSABLE_CONTENT, "Platform suspended"),
    /** The locked quote's validity ended: get a new quote. Nothing was changed. */
    QUOTE_EXPIRED(HttpStatus.CONFLICT, "Quote expired"),
    /** A rule the locked quote used changed since it was issued: get a new quote. Nothing was changed. */
    RULES_CHANGED(HttpStatus.CONFLICT, "Rules changed"),
    /** Already reversed, itself a reversal, outside the reversal window, or reversals disabled. Nothing changed. */
    NOT_REVERSIBLE(HttpStatus.UNPROCESSABLE_CONTENT, "Not reversible"),
    /**
     * The request needs a consent the person has not given or has withdrawn (identity links, sharing balances with a
     * linked platform), on this platform or, for a linked platform's data, on that one. Nothing was changed.
     */
    CONSENT_REQUIRED(HttpStatus.FORBIDDEN, "Consent required"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** Retryable: the transaction lost a read/write race (MVCC or phantom read conflict). */
    TRANSACTION_CONFLICT(HttpStatus.CONFLICT, "Transaction conflict"),
    /** The chaincode refused with a code this gateway has no specific mapping for; {@code code} is the chaincode's. */
    CHAINCODE_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Rejected by the chaincode"),
    /** Committed with another validation code than VALID, other than a conflict. */
    TRANSACTION_INVALID(HttpStatus.BAD_GATEWAY, "Transaction invalid"),
    LEDGER_ERROR(HttpStatus.BAD_GATEWAY, "Ledger error"),
    LEDGER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Ledger unavailable"),
    /**
     * Retryable: the peer or chaincode server of a platform whose endorsement the transaction needs is unreachable;
     * nothing was changed. {@code platformId} names it when known; {@code Retry-After} says when to try again.
     */
    PLATFORM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Platform unavailable"),
    /** A feature this gateway was not configured for (e.g. the user id key). */
    NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE, "Not configured"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(final HttpStatus status, final String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Problem type URI, e.g. {@code urn:pointsnet:problem:validation-failed}. */
    public URI type() {
        return URI.create("urn:pointsnet:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The code for an HTTP status Spring MVC chose itself (unreadable body, unknown path, ...). */
    public static ErrorCode forStatus(final int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
