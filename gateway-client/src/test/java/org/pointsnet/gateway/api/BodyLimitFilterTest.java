package org.pointsnet.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BodyLimitFilterTest {

    @Test
    void aHugeBodyIsReadOnlyUpToTheLimit() throws Exception {
        final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/issuances");
        request.setContent(new byte[4 * 1024 * 1024]);
        final BodyLimitFilter.Bounded bounded = new BodyLimitFilter.Bounded(request);

        assertEquals(BodyLimitFilter.READ_LIMIT, bounded.getInputStream().readAllBytes().length);
        assertEquals(-1, bounded.getContentLengthLong());
    }

    @Test
    void aSmallBodyIsUntouched() throws Exception {
        final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/issuances");
        request.setContent("{\"a\":1}".getBytes());
        final BodyLimitFilter.Bounded bounded = new BodyLimitFilter.Bounded(request);

        assertEquals("{\"a\":1}", new String(bounded.getInputStream().readAllBytes()));
        assertEquals(7, bounded.getContentLengthLong());
    }
}
