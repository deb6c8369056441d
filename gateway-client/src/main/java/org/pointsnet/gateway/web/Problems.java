package org.pointsnet.gateway.web;

import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the problem+json responses; the single place that decides their shape. */
public final class Problems {

    /** Name of the extra member carrying the machine-readable code. */
    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail of(final ErrorCode code, final String detail) {
        return of(code.status(), code, code.name(), detail);
    }

    /** A problem whose {@code code} member differs from the enum name (a chaincode's own code). */
    public static ProblemDetail of(final HttpStatusCode status, final ErrorCode kind, final String code,
                                   final String detail) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        problem.setProperty(CODE, code);
        return problem;
    }

    /** Content type set explicitly so a client sending {@code Accept: application/json} still gets problem+json. */
    public static ResponseEntity<Object> response(final ProblemDetail problem) {
        final Object code = problem.getProperties() == null ? null : problem.getProperties().get(CODE);
        count(String.valueOf(code), problem.getStatus());
        return ResponseEntity.status(problem.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    /** A problem with a {@code Retry-After} header (whole seconds): the request may succeed when sent again then. */
    public static ResponseEntity<Object> response(final ProblemDetail problem, final Duration retryAfter) {
        final ResponseEntity<Object> response = response(problem);
        return ResponseEntity.status(response.getStatusCode())
            .headers(response.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
            .body(problem);
    }

    /**
     * Writes a problem straight to the servlet response, for code that runs before Spring MVC (the security filter
     * chain's 401 and 403). Same members as the MVC responses: type, title, status, detail, code.
     */
    public static void write(final HttpServletResponse response, final ErrorCode code, final String detail)
        throws IOException {
        write(response, code, detail, null, null);
    }

    /** {@link #write(HttpServletResponse, ErrorCode, String)} with one more member (e.g. a refusal's reason). */
    public static void write(final HttpServletResponse response, final ErrorCode code, final String detail,
                             final String member, final String value) throws IOException {
        final ObjectNode body = JsonMapper.shared().createObjectNode()
            .put("type", code.type().toString())
            .put("title", code.title())
            .put("status", code.status().value())
            .put("detail", detail)
            .put(CODE, code.name());
        if (member != null) {
            body.put(member, value);
        }
        count(code.name(), code.status().value());
        response.setStatus(code.status().value());
        // Bytes, not a Writer: the content type stays exactly application/problem+json (JSON is UTF-8 by RFC 8259).
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
    }

    /** {@code pointsnet_api_errors_total{code,status}}: every problem answered, from this one place. */
    private static void count(final String code, final int status) {
        Metrics.counter("pointsnet.api.errors", "code", code, "status", Integer.toString(status)).increment();
    }
}
