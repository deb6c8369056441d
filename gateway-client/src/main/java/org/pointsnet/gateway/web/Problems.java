package org.pointsnet.gateway.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

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
        return ResponseEntity.status(problem.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }
}
