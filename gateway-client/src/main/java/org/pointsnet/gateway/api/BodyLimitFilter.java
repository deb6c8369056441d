package org.pointsnet.gateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pointsnet.gateway.web.RequestLimits;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what an {@code /api/v1} request body can make the gateway read: at most 64 KiB + 1 byte, then end of
 * stream, whatever Content-Length says or however long a chunked body runs. The controllers see a body longer
 * than 64 KiB and answer 400 ({@link Validation#bodySize}); nothing larger is ever buffered.
 */
@Component
public class BodyLimitFilter extends OncePerRequestFilter {

    static final int READ_LIMIT = RequestLimits.BODY_READ_LIMIT;

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response,
                                    final FilterChain chain) throws ServletException, IOException {
        chain.doFilter(new Bounded(request), response);
    }

    static final class Bounded extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Bounded(final HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public long getContentLengthLong() {
            final long length = super.getContentLengthLong();
            return length > READ_LIMIT ? -1 : length;
        }

        @Override
        public int getContentLength() {
            final long length = getContentLengthLong();
            return (int) length;
        }

        @Override
        public String getHeader(final String name) {
            if ("Content-Length".equalsIgnoreCase(name) && super.getContentLengthLong() > READ_LIMIT) {
                return null;
            }
            return super.getHeader(name);
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private int remaining = READ_LIMIT;

        LimitedStream(final ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            final int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            final int n = in.read(buffer, offset, Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return remaining <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(final ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
