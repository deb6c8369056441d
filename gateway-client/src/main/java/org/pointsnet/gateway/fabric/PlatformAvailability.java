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
 * ({@link NetworkProbe}). An answer is reused for {@link #CACHE_FOR}, so a burst of failing requests probes once.
 */
public final class PlatformAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAvailability.class);

    /**
     * Long enough to serve a burst of failures from one answer, short enough to see a peer go or come back: a 503
     * whose Fabric error names no org is attributed from this view (5 s left a killed peer unnamed in CI).
     */
    static final Duration CACHE_FOR = Duration.ofSeconds(2);

    private final Map<String, List<String>> platformsByMsp;
    private final DiscoveryView.Source discovery;
    private final Clock clock;
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
        return view().map(this::platformsWithoutPeers).orElse(List.of());
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
        final Instant now = clock.instant();
        final Cached last = cached;
        if (last != null && Duration.between(last.at(), now).compareTo(CACHE_FOR) < 0) {
            return last.view();
        }
        Optional<DiscoveryView> view;
        try {
            view = Optional.of(discovery.discover());
        } catch (LedgerException e) {
            LOG.debug("network probe failed: {}", e.getMessage());
            view = Optional.empty();
        }
        cached = new Cached(now, view);
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
