package org.pointsnet.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pointsnet.gateway.web.ErrorCode;
import org.pointsnet.gateway.web.Problems;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (encoded NUL or slash in the path, control characters in a header)
 * is bad input: 400 VALIDATION_FAILED as problem+json, not the container's 500.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(final HttpServletRequest request, final HttpServletResponse response,
                       final RequestRejectedException rejected) throws IOException {
        Problems.write(response, ErrorCode.VALIDATION_FAILED,
            "The request contains characters in its path or headers that are not accepted.");
    }
}
