package org.pointsnet.gateway.quotes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final QuoteTokens tokens = new QuoteTokens(KEY, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMintedQuoteReadsBackAsLockedAndHoldsForTheConfiguredTime() {
        final LockedQuote quote = tokens.lock("platform-a", "platform-b", 300, 149,
            "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=2");
        assertEquals(NOW.plusSeconds(60), quote.expiresAt());
        assertEquals(quote, tokens.read(tokens.mint(quote)));
    }

    @Test
    void anAlteredTokenOrOneOfAnotherKeyIsRefused() {
        final String token = tokens.mint(tokens.lock("platform-a", "platform-b", 300, 149, "r"));
        final String[] parts = token.split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[0]), UTF_8);
        final String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
            payload.replace("|149|", "|1490|").getBytes(UTF_8)) + "." + parts[1];
        assertThrows(InvalidQuoteException.class, () -> tokens.read(forged));
        final QuoteTokens other = new QuoteTokens("fedcba9876543210fedcba9876543210".getBytes(UTF_8),
            Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(InvalidQuoteException.class, () -> other.read(token));
        for (final String junk : new String[] {"", "abc", "a.b.c", "!!.!!", "x".repeat(2000) + ".y"}) {
            assertThrows(InvalidQuoteException.class, () -> tokens.read(junk), junk);
        }
        assertThrows(IllegalArgumentException.class, () -> new QuoteTokens(new byte[16], Duration.ofSeconds(1),
            Clock.systemUTC()));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReused(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("keys").resolve("quote-key");
        final byte[] key = QuoteKeyFile.loadOrCreate(file);
        assertEquals(32, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertArrayEquals(key, QuoteKeyFile.loadOrCreate(file));
    }
}
