package org.pointsnet.admin.crypto;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The validity window shared by every certificate of one generation run. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Certificates start this far in the past so a node whose clock lags still accepts them. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public Validity {
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore " + notBefore + " is not before notAfter " + notAfter);
        }
    }

    /** Ten years from {@code now}, starting five minutes before it. */
    public static Validity tenYearsFrom(Instant now) {
        return new Validity(now.minus(CLOCK_SKEW), now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
    }
}
