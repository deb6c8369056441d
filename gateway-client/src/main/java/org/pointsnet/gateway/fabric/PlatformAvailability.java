package org.pointsnet.gateway.fabric;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which platforms cannot endorse now, by platform id: the owner of each platform comes from configuration (the
 * {@code pointsnet.trust.platforms} list), whether its org has a live peer from a probe through this org's peer
 * ({@link NetworkProbe}). An answer is reused for {@link #CACHE_FOR}, so a burst of failing requests probes once; a
 * failure that the reused answer cannot explain (it shows every org alive) is looked at again by a probe that started
 * after the failure.
 */
public final class PlatformAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAvailability.class);

    /**
     * Long enough to serve a burst of failures from one answer, short enough to see a peer come back. A peer that
     * goes is not left to this: an answer taken before the failure that shows every org alive is probed again
     * ({@link #platformsOf}); with the cache alone, 503s in CI named no platform when a readiness check had probed
     * just before the peer was killed.
     */
    static final Duration CACHE_FOR = Duration.ofSeconds(2);

    private final Map<String, List<String>> platformsByMsp;
    private final DiscoveryView.Source discovery;
    private final Clock clock;
    private final Object probing = new Object();
    private volatile Cached cached;

    private record Cached(Instant at, Optional<DiscoveryView> view) {
    }

    /** @param platformsByMsp MSP id → the platform ids it owns, in configuration order */
    public PlatformAvailability(final Map<String, List<String>> platformsByMsp, final DiscoveryView.Source discovery,
                                final Clock clock) {
        final Map<String, List<String>> copy = new LinkedHashMap<>();
        platformsByMsp.forEach((msp, platforms) -> copy.put(msp, List.copyOf(platforms)));
        this.platformsByMsp = copy;
        this.discovery = discovery;
        this.clock = clock;
    }

    /**
     * The platforms behind an endorsement failure: those of the MSPs Fabric named, or, when it named none, those whose
     * org has no live peer now. Empty when neither says (this org's peer cannot be asked either).
     */
    public List<String> platformsOf(final PlatformUnavailableException e) {
        if (!e.mspIds().isEmpty()) {
            return platforms(e.mspIds());
        }
        final Instant failedBy = clock.instant();
        final List<String> missing = view().map(this::platformsWithoutPeers).orElse(List.of());
        return missing.isEmpty() ? viewSince(failedBy).map(this::platformsWithoutPeers).orElse(List.of()) : missing;
    }

    /** Configured platforms whose org has no live peer on the channel in {@code view}, in configuration order. */
    public List<String> platformsWithoutPeers(final DiscoveryView view) {
        final List<String> missing = new ArrayList<>();
        platformsByMsp.forEach((msp, platforms) -> {
            if (!view.peersByMsp().containsKey(msp)) {
                missing.addAll(platforms);
            }
        });
        return List.copyOf(missing);
    }

    /** What the probe says now (at most {@link #CACHE_FOR} old); empty when this org's peer cannot answer. */
    public Optional<DiscoveryView> view() {
        final Cached last = cached;
        if (last != null && Duration.between(last.at(), clock.instant()).compareTo(CACHE_FOR) < 0) {
            return last.view();
        }
        return probe();
    }

    /**
     * What a probe that started at or after {@code notBefore} says. One probe at a time: failures that arrive while
     * a probe runs wait for it and then share the next one, so a burst costs about two probes.
     */
    private Optional<DiscoveryView> viewSince(final Instant notBefore) {
        synchronized (probing) {
            final Cached last = cached;
            return last != null && !last.at().isBefore(notBefore) ? last.view() : probe();
        }
    }

    /** A new probe; its answer is cached with the time it started, the latest moment it can vouch for. */
    private Optional<DiscoveryView> probe() {
        final Instant started = clock.instant();
        Optional<DiscoveryView> view;
        try {
            view = Optional.of(discovery.discover());
        } catch (LedgerException e) {
            LOG.debug("network probe failed: {}", e.getMessage());
            view = Optional.empty();
        }
        cached = new Cached(started, view);
        return view;
    }

    private List<String> platforms(final List<String> msps) {
        final List<String> platforms = new ArrayList<>();
        for (final String msp : msps) {
            platforms.addAll(platformsByMsp.getOrDefault(msp, List.of()));
        }
        return List.copyOf(platforms);
    }
}
