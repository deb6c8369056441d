package org.pointsnet.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for requests it refuses before any servlet runs (an encoded NUL or an invalid
 * character in the path, a malformed header): problem+json like every other error, not Tomcat's HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(final Request request, final Response response, final Throwable failure) {
        final int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            final HttpServletResponse servletResponse = response.getResponse();
            servletResponse.resetBuffer();
            final ErrorCode code = ErrorCode.forStatus(status);
            Problems.write(servletResponse, code, status >= 500 ? "An unexpected error occurred."
                : "The request is malformed and was refused before it reached the API.");
            // Problems.write sets the code's own status; keep the one Tomcat chose (e.g. 400, 505).
            servletResponse.setStatus(status);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to send
        }
    }
}
