package org.pointsnet.gateway.signatures;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.pointsnet.gateway.security.TokenClaims;
import org.pointsnet.gateway.web.ErrorCode;
import org.pointsnet.gateway.web.Problems;
import org.pointsnet.gateway.web.RequestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires an RFC 9421 signature on every {@code /api/v1} request of a client listed under
 * {@code pointsnet.signatures.clients}. Runs after Spring Security has validated the bearer token (it names the
 * client) and before any controller: a request refused here changed nothing. A refusal is 401 problem+json
 * {@code SIGNATURE_INVALID} with a {@code reason} member ({@link SignatureFailure#code()}).
 */
public final class SignedRequestFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignedRequestFilter.class);

    private final ClientKeys keys;
    private final SignatureVerifier verifier;
    private final NonceStore nonces;
    private final Clock clock;

    public SignedRequestFilter(final ClientKeys keys, final SignatureVerifier verifier, final NonceStore nonces,
                               final Clock clock) {
        this.keys = keys;
        this.verifier = verifier;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response,
                                    final FilterChain chain) throws ServletException, IOException {
        final Optional<SignatureProperties.Client> client = clientId().flatMap(keys::required);
        if (client.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        final byte[] body = read(request.getInputStream());
        try {
            final PublicKey key = keys.key(client.get());
            final VerifiedSignature verified = verifier.verify(view(request), body, client.get().keyId(), key,
                clock.instant());
            if (!nonces.remember(client.get().clientId(), verified.nonce())) {
                throw new SignatureException(SignatureFailure.NONCE_REUSED);
            }
        } catch (SignatureException e) {
            // Method and reason only: the path may name a user.
            LOG.info("refused a {} request of client {}: signature {}", request.getMethod(), client.get().clientId(),
                e.failure().code());
            Problems.write(response, ErrorCode.SIGNATURE_INVALID, "Request signature refused: "
                + e.failure().detail() + ". Nothing was changed.", "reason", e.failure().code());
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** The OAuth client of the request's validated token: its client_id claim, or the subject of a client token. */
    private static Optional<String> clientId() {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        final String clientId = jwt.getClaimAsString(TokenClaims.CLIENT_ID);
        if (clientId != null) {
            return Optional.of(clientId);
        }
        return jwt.getClaimAsString(TokenClaims.USER_ID) == null ? Optional.ofNullable(jwt.getSubject())
            : Optional.empty();
    }

    private static byte[] read(final InputStream in) throws IOException {
        return in.readNBytes(RequestLimits.BODY_READ_LIMIT);
    }

    private static MessageView view(final HttpServletRequest request) {
        return new MessageView() {
            @Override
            public String method() {
                return request.getMethod();
            }

            @Override
            public String path() {
                return request.getRequestURI();
            }

            @Override
            public String query() {
                return request.getQueryString();
            }

            @Override
            public String authority() {
                return request.getHeader("Host");
            }

            @Override
            public String header(final String name) {
                final java.util.List<String> values = Collections.list(request.getHeaders(name.toLowerCase(
                    Locale.ROOT)));
                return values.isEmpty() ? null : String.join(", ", values);
            }
        };
    }

    /** The request with its body read once here and served again to the controllers. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(final HttpServletRequest request, final byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            final ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(final byte[] buffer, final int offset, final int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(final ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
