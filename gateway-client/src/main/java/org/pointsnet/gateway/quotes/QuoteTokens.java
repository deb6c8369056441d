package org.pointsnet.gateway.quotes;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and reads quote ids: {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, the payload being
 * {@code v1|from|to|amountIn|amountOut|rules|expiresAt}. Only this gateway holds the key, so a client can neither
 * extend a quote's validity nor change its amounts or rules: any change breaks the MAC. The payload is not secret
 * (it says what GET /quotes answered anyway).
 */
public final class QuoteTokens {

    /** Longest quote id accepted; a minted one is far shorter. */
    public static final int MAX_LENGTH = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Pattern SEPARATOR = Pattern.compile("\\|");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    /** Tokens MACed with {@code key} (at least 32 bytes), valid for {@code ttl} from minting by {@code clock}. */
    public QuoteTokens(final byte[] key, final Duration ttl, final Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the quote key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The gateway's time, the one expiries are checked against. */
    public Instant now() {
        return clock.instant();
    }

    /** A quote of the given conversion that holds from now for the configured time. */
    public LockedQuote lock(final String from, final String to, final long amountIn, final long amountOut,
                            final String rules) {
        return new LockedQuote(from, to, amountIn, amountOut, rules, now().plus(ttl));
    }

    /** The quote id of {@code quote}. */
    public String mint(final LockedQuote quote) {
        final String payload = String.join("|", VERSION, quote.fromPlatformId(), quote.toPlatformId(),
            Long.toString(quote.amountIn()), Long.toString(quote.amountOut()), quote.rules(),
            quote.expiresAt().toString());
        final byte[] bytes = payload.getBytes(UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The quote {@code token} promises; InvalidQuoteException unless this gateway minted it unchanged. */
    public LockedQuote read(final String token) {
        final int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0 || token.length() > MAX_LENGTH) {
            throw new InvalidQuoteException("quoteId is not a quote id");
        }
        final byte[] payload;
        final byte[] tag;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            tag = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuoteException("quoteId is not a quote id");
        }
        if (!MessageDigest.isEqual(mac(payload), tag)) {
            throw new InvalidQuoteException("quoteId was not issued by this gateway, or was altered");
        }
        final String[] parts = SEPARATOR.split(new String(payload, UTF_8), -1);
        if (parts.length != 7 || !VERSION.equals(parts[0])) {
            throw new InvalidQuoteException("quoteId has an unknown format");
        }
        try {
            return new LockedQuote(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]), parts[5],
                Instant.parse(parts[6]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidQuoteException("quoteId has an unknown format");
        }
    }

    private byte[] mac(final byte[] payload) {
        try {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required on every JVM", e);
        }
    }
}
