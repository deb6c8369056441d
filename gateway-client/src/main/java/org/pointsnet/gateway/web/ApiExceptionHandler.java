package org.pointsnet.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;
import org.pointsnet.gateway.fabric.PlatformAvailability;
import org.pointsnet.gateway.fabric.PlatformUnavailableException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.pointsnet.gateway.ledger.AdminIdentityMissingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception to a problem+json response. Ledger failures are logged in full where they are translated
 * (FabricErrors); here clients get only the code and a detail written for them.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * {@code Retry-After} of the retryable 503s: a restarted peer commits its missing blocks and is back in
     * discovery within about 5 to 10 s (docs/operations.md, "A node crashed").
     */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ObjectProvider<PlatformAvailability> platforms;

    public ApiExceptionHandler(final ObjectProvider<PlatformAvailability> platforms) {
        this.platforms = platforms;
    }

    @ExceptionHandler(ChaincodeRejectedException.class)
    ResponseEntity<Object> chaincodeRejected(final ChaincodeRejectedException e) {
        return Problems.response(problemFor(e));
    }

    @ExceptionHandler(ApiRequestException.class)
    ResponseEntity<Object> apiRequest(final ApiRequestException e) {
        return Problems.response(Problems.of(e.code(), e.detail()));
    }

    @ExceptionHandler(AdminIdentityMissingException.class)
    ResponseEntity<Object> adminIdentityMissing(final AdminIdentityMissingException e) {
        return Problems.response(Problems.of(ErrorCode.LEDGER_UNAVAILABLE,
            "This gateway has no platform admin identity configured; admin functions are unavailable."));
    }

    @ExceptionHandler(TransactionInvalidException.class)
    ResponseEntity<Object> transactionInvalid(final TransactionInvalidException e) {
        return Problems.response(problemFor(e));
    }

    /**
     * 503 naming the platforms that cannot endorse ({@code platformId}: the first, {@code platformIds}: all; from
     * Fabric's error details, else a probe of which orgs' peers answer), so a client can tell "platform-b is down,
     * retry later" from a fault of its request or of this gateway.
     */
    @ExceptionHandler(PlatformUnavailableException.class)
    ResponseEntity<Object> platformUnavailable(final PlatformUnavailableException e) {
        final PlatformAvailability availability = platforms.getIfAvailable();
        final List<String> ids = availability == null ? List.of() : availability.platformsOf(e);
        final ProblemDetail problem = Problems.of(ErrorCode.PLATFORM_UNAVAILABLE, ids.isEmpty()
            ? "A platform whose endorsement this transaction needs cannot be reached; nothing was changed. "
                + "Send the same request (same Idempotency-Key) again later."
            : "Platform " + String.join(", ", ids) + " cannot be reached to endorse this transaction; nothing was "
                + "changed. Send the same request (same Idempotency-Key) again later.");
        if (!ids.isEmpty()) {
            problem.setProperty("platformId", ids.get(0));
            problem.setProperty("platformIds", ids);
        }
        return Problems.response(problem, RETRY_AFTER);
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<Object> ledgerUnavailable(final LedgerUnavailableException e) {
        if (!e.outcomeUnknown()) {
            return Problems.response(Problems.of(ErrorCode.LEDGER_UNAVAILABLE,
                "The ledger could not be reached in time; nothing was changed. Try again later."), RETRY_AFTER);
        }
        final ProblemDetail problem = Problems.of(ErrorCode.LEDGER_UNAVAILABLE,
            "The transaction was submitted but its outcome is not known yet; it may still commit.");
        problem.setProperty("txId", e.transactionId());
        return Problems.response(problem);
    }

    @ExceptionHandler(LedgerFailureException.class)
    ResponseEntity<Object> ledgerFailure(final LedgerFailureException e) {
        return Problems.response(Problems.of(ErrorCode.LEDGER_ERROR, "The ledger could not process the request."));
    }

    /** Spring Security's firewall checks header values when they are read: a control character is bad input. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> requestRejected(final RequestRejectedException e) {
        return Problems.response(Problems.of(ErrorCode.VALIDATION_FAILED,
            "The request contains characters in its path or headers that are not accepted."));
    }

    /**
     * Tomcat decodes the query string when a parameter is first read: a malformed percent-encoding
     * ({@code ?cursor=%%%%}) or bytes that are not UTF-8 fail there, which is the client's error.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(final InvalidParameterException e) {
        return Problems.response(Problems.of(ErrorCode.VALIDATION_FAILED,
            "The query string is not valid percent-encoded UTF-8."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(final Exception e) {
        LOG.error("unhandled exception", e);
        return Problems.response(Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred."));
    }

    /** The problem for a chaincode rejection: known codes get their status, unknown ones 422 with their own code. */
    public static ProblemDetail problemFor(final ChaincodeRejectedException e) {
        return e.errorCode()
            .map(code -> Problems.of(problemCode(code), e.detail()))
            .orElseGet(() -> Problems.of(ErrorCode.CHAINCODE_REJECTED.status(), ErrorCode.CHAINCODE_REJECTED, e.code(),
                e.detail()));
    }

    /**
     * The API's code for each chaincode code (same name; the HTTP status is API.md's). A switch without a default, so
     * a code added to the contract does not compile until it is given its answer here.
     */
    static ErrorCode problemCode(final org.pointsnet.contract.ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> ErrorCode.VALIDATION_FAILED;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case USER_NOT_FOUND -> ErrorCode.USER_NOT_FOUND;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case IDEMPOTENCY_KEY_REUSED -> ErrorCode.IDEMPOTENCY_KEY_REUSED;
            case INSUFFICIENT_BALANCE -> ErrorCode.INSUFFICIENT_BALANCE;
            case LIMIT_EXCEEDED -> ErrorCode.LIMIT_EXCEEDED;
            case RATE_NOT_FOUND -> ErrorCode.RATE_NOT_FOUND;
            case SLIPPAGE -> ErrorCode.SLIPPAGE;
            case REWARD_UNAVAILABLE -> ErrorCode.REWARD_UNAVAILABLE;
            case PLATFORM_SUSPENDED -> ErrorCode.PLATFORM_SUSPENDED;
            case QUOTE_EXPIRED -> ErrorCode.QUOTE_EXPIRED;
            case RULES_CHANGED -> ErrorCode.RULES_CHANGED;
            case NOT_REVERSIBLE -> ErrorCode.NOT_REVERSIBLE;
        };
    }

    /** Conflicts are worth a retry (409); any other invalid commit is the network's failure (502). */
    public static ProblemDetail problemFor(final TransactionInvalidException e) {
        final boolean conflict = switch (e.validationCode()) {
            case "MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT" -> true;
            default -> false;
        };
        final ProblemDetail problem = Problems.of(
            conflict ? ErrorCode.TRANSACTION_CONFLICT : ErrorCode.TRANSACTION_INVALID,
            "The transaction was committed as " + e.validationCode() + " and changed nothing.");
        problem.setProperty("validationCode", e.validationCode());
        problem.setProperty("txId", e.transactionId());
        return problem;
    }

    // Spring MVC's own exceptions (unreadable body, invalid argument, unknown path, wrong method, ...) come
    // through here: keep Spring's status, add our code, and replace details that could quote parser internals.
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(final Exception ex, final Object body,
                                                             final HttpHeaders headers,
                                                             final HttpStatusCode statusCode,
                                                             final WebRequest request) {
        final ErrorCode code = ErrorCode.forStatus(statusCode.value());
        final String detail;
        if (ex instanceof HttpMessageNotReadableException) {
            detail = "The request body is missing or is not valid JSON of the expected shape.";
        } else if (ex instanceof MethodArgumentNotValidException invalid) {
            detail = invalid.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        } else if (body instanceof ProblemDetail spring && spring.getDetail() != null
            && statusCode.is4xxClientError()) {
            detail = spring.getDetail();
        } else {
            detail = code.title() + ".";
        }
        if (statusCode.is5xxServerError()) {
            LOG.error("request failed with {}", statusCode, ex);
        }
        final ProblemDetail problem = Problems.of(statusCode, code, code.name(), detail);
        final ResponseEntity<Object> response = Problems.response(problem);
        // Keep headers Spring set for the client (e.g. Allow on 405).
        return ResponseEntity.status(response.getStatusCode())
            .headers(headers)
            .contentType(response.getHeaders().getContentType())
            .body(problem);
    }

    private static String describe(final FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }
}
