package org.pointsnet.gateway.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlatformAvailabilityTest {

    private static final Map<String, List<String>> OWNERS = Map.of(
        "PlatformAMSP", List.of("platform-a"),
        "PlatformBMSP", List.of("platform-b", "platform-b2"),
        "PlatformCMSP", List.of("platform-c"));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private DiscoveryView answer = view("PlatformAMSP", "PlatformCMSP");
    private RuntimeException failure;

    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }
    };

    private final PlatformAvailability availability = new PlatformAvailability(
        new java.util.LinkedHashMap<>(new java.util.TreeMap<>(OWNERS)), () -> {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return answer;
        }, clock);

    private static DiscoveryView view(final String... msps) {
        final Map<String, List<String>> peers = new java.util.HashMap<>();
        for (final String msp : msps) {
            peers.put(msp, List.of("peer0." + msp + ":7051"));
        }
        return new DiscoveryView(peers, List.of("127.0.0.1:7050"));
    }

    @Test
    void theOrgsFabricNamedGiveEveryPlatformTheyOwn() {
        final var e = new PlatformUnavailableException("x", "tx", List.of("PlatformBMSP"), null);

        assertEquals(List.of("platform-b", "platform-b2"), availability.platformsOf(e));
        assertEquals(0, asked.get(), "discovery is not asked when Fabric named the org");
    }

    @Test
    void withoutANameTheOrgsDiscoveryLeftOutAreNamed() {
        final var e = new PlatformUnavailableException("x", "tx", List.of(), null);

        assertEquals(List.of("platform-b", "platform-b2"), availability.platformsOf(e));
    }

    @Test
    void whenDiscoveryCannotAnswerNothingIsNamed() {
        failure = new LedgerUnavailableException("peer down", null, false, null);

        assertEquals(List.of(), availability.platformsOf(new PlatformUnavailableException("x", "tx", List.of(), null)));
        assertTrue(availability.view().isEmpty());
    }

    @Test
    void oneAnswerServesABurstThenDiscoveryIsAskedAgain() {
        final var e = new PlatformUnavailableException("x", "tx", List.of(), null);
        for (int i = 0; i < 50; i++) {
            availability.platformsOf(e);
        }
        assertEquals(1, asked.get());

        answer = view("PlatformAMSP", "PlatformBMSP", "PlatformCMSP");
        now.set(now.get().plus(PlatformAvailability.CACHE_FOR));

        assertEquals(List.of(), availability.platformsOf(e), "platform-b is back in discovery");
        assertEquals(2, asked.get());
    }

    @Test
    void aFailureTheCachedAnswerCannotExplainIsProbedAgain() {
        answer = view("PlatformAMSP", "PlatformBMSP", "PlatformCMSP");
        assertTrue(availability.view().isPresent(), "a readiness check probes while platform-b is alive");
        assertEquals(1, asked.get());

        answer = view("PlatformAMSP", "PlatformCMSP");
        now.set(now.get().plusMillis(500));
        final var e = new PlatformUnavailableException("x", "tx", List.of(), null);

        assertEquals(List.of("platform-b", "platform-b2"), availability.platformsOf(e),
            "the 503 half a second after the probe names the platform whose peer went");
        assertEquals(2, asked.get());
        assertEquals(List.of("platform-b", "platform-b2"), availability.platformsOf(e));
        assertEquals(2, asked.get(), "an answer that names the platform serves the rest of the burst");
    }

    @Test
    void platformsWithoutPeersFollowConfigurationOrder() {
        assertEquals(List.of("platform-a", "platform-b", "platform-b2"),
            availability.platformsWithoutPeers(view("PlatformCMSP")));
        assertEquals(Duration.ofSeconds(2), PlatformAvailability.CACHE_FOR);
    }
}
