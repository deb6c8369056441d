package org.pointsnet.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.pointsnet.gateway.events.BlockEventListener;
import org.pointsnet.gateway.fabric.DiscoveryView;
import org.pointsnet.gateway.fabric.LedgerHealth;
import org.pointsnet.gateway.fabric.OrdererReachability;
import org.pointsnet.gateway.fabric.PlatformAvailability;
import org.pointsnet.gateway.fabric.Readiness;
import org.pointsnet.gateway.projection.ListenerProgress;
import org.pointsnet.gateway.projection.ProjectionStore;
import org.pointsnet.gateway.projection.Reconciliation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: it can serve ledger requests now, and if not,
 * which dependency is down: its own peer (reachable, chaincode answering), the orderers (a majority of the channel's
 * orderers reachable), the projection database, the event listener (at most {@code pointsnet.projection.max-lag-blocks}
 * behind the peer; with several gateways of the org on one database the detail says whether this one holds the
 * listener lease or stands by, and the lag is the shared projection's either way). It also shows, without deciding
 * readiness, which platforms have no live peer on the channel and the last reconciliation.
 */
@RestController
@RequestMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
public class HealthController {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    /** Not checked because a check it depends on is down. */
    static final String UNKNOWN = "UNKNOWN";
    /** Informational: something is missing that does not stop this gateway from serving. */
    static final String DEGRADED = "DEGRADED";

    private final LedgerHealth ledger;
    private final ObjectProvider<ListenerProgress> listener;
    private final ObjectProvider<PlatformAvailability> platforms;
    private final ObjectProvider<ProjectionStore> store;
    private final ObjectProvider<Reconciliation> reconciliation;
    private final ObjectProvider<BlockEventListener> events;

    public HealthController(final LedgerHealth ledger, final ObjectProvider<ListenerProgress> listener,
                            final ObjectProvider<PlatformAvailability> platforms,
                            final ObjectProvider<ProjectionStore> store,
                            final ObjectProvider<Reconciliation> reconciliation,
                            final ObjectProvider<BlockEventListener> events) {
        this.events = events;
        this.ledger = ledger;
        this.listener = listener;
        this.platforms = platforms;
        this.store = store;
        this.reconciliation = reconciliation;
    }

    /**
     * Body of both endpoints: {@code reason} (the DOWN checks, {@code name: detail; ...}) only when DOWN;
     * {@code checks} and {@code reconciliation} only on readiness.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthStatus(String status, String reason, Map<String, Check> checks,
                               Reconciliation.LastRun reconciliation) {
    }

    /** One dependency: UP, DOWN, UNKNOWN or DEGRADED, and what was seen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String status, String detail) {

        static Check up(final String detail) {
            return new Check(UP, detail);
        }

        static Check down(final String detail) {
            return new Check(DOWN, detail);
        }
    }

    @GetMapping("/live")
    public HealthStatus live() {
        return new HealthStatus(UP, null, null, null);
    }

    @GetMapping("/ready")
    public ResponseEntity<HealthStatus> ready() {
        final Map<String, Check> checks = new LinkedHashMap<>();
        final Readiness peer = ledger.check();
        checks.put("peer", peer.ready() ? Check.up("reachable, chaincode answering"
            + ledger.peerInUse().map(address -> " (peer " + address + ")").orElse("")) : Check.down(peer.reason()));
        network(peer.ready(), checks);
        final boolean database = database(checks);
        checks.put("listener", peer.ready() && database ? listener() : new Check(UNKNOWN,
            "needs the peer and the database"));

        final String reason = checks.entrySet().stream()
            .filter(c -> DOWN.equals(c.getValue().status()))
            .map(c -> c.getKey() + ": " + c.getValue().detail())
            .collect(Collectors.joining("; "));
        final Reconciliation.LastRun last = Optional.ofNullable(reconciliation.getIfAvailable())
            .flatMap(Reconciliation::last).orElse(null);
        if (reason.isEmpty()) {
            return ResponseEntity.ok(new HealthStatus(UP, null, checks, last));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .body(new HealthStatus(DOWN, reason, checks, last));
    }

    /** Orderers and other platforms, both probed through this org's peer (so unknown while it is down). */
    private void network(final boolean peerReady, final Map<String, Check> checks) {
        final PlatformAvailability availability = platforms.getIfAvailable();
        if (availability == null) {
            return;
        }
        final Optional<DiscoveryView> view = peerReady ? availability.view() : Optional.empty();
        if (view.isEmpty()) {
            checks.put("orderers", new Check(UNKNOWN, "this org's peer did not answer the network probe"));
            return;
        }
        if (view.get().orderers().isEmpty()) {
            checks.put("orderers", new Check(UNKNOWN, "the channel configuration could not be read"));
        } else {
            checks.put("orderers", orderers(view.get().orderers()));
        }
        final List<String> missing = availability.platformsWithoutPeers(view.get());
        checks.put("platforms", missing.isEmpty() ? Check.up("every platform has a live peer on the channel")
            : new Check(DEGRADED, "no live peer on the channel: " + String.join(", ", missing)
                + " (transactions needing their endorsement answer 503 PLATFORM_UNAVAILABLE)"));
    }

    private static Check orderers(final List<String> endpoints) {
        final OrdererReachability.Result orderers = OrdererReachability.check(endpoints);
        final int total = orderers.reachable().size() + orderers.unreachable().size();
        final String seen = orderers.reachable().size() + " of " + total + " reachable"
            + (orderers.unreachable().isEmpty() ? "" : ", unreachable: " + String.join(", ", orderers.unreachable()));
        return orderers.quorum() ? Check.up(seen) : Check.down(seen + " (no Raft majority)");
    }

    private boolean database(final Map<String, Check> checks) {
        final ProjectionStore projection = store.getIfAvailable();
        if (projection == null) {
            return true;
        }
        try {
            checks.put("database", Check.up("projection at block " + projection.nextBlock()));
            return true;
        } catch (RuntimeException e) {
            checks.put("database", Check.down("projection database not answering"));
            return false;
        }
    }

    private Check listener() {
        final ListenerProgress progress = listener.getIfAvailable();
        if (progress == null) {
            return Check.up("no listener");
        }
        final OptionalLong lag = progress.lagBlocks();
        if (lag.isEmpty()) {
            return Check.down("event listener position unknown");
        }
        if (lag.getAsLong() > progress.maxLagBlocks()) {
            return Check.down("event listener " + lag.getAsLong() + " blocks behind the peer (more than "
                + progress.maxLagBlocks() + ")");
        }
        return Check.up(lag.getAsLong() + " blocks behind the peer" + lease());
    }

    /** Whether this gateway reads the blocks, when several gateways of the org compete for the listener lease. */
    private String lease() {
        final BlockEventListener blocks = events.getIfAvailable();
        if (blocks == null || !blocks.leaseShared()) {
            return "";
        }
        return blocks.holdsLease() ? "; this gateway holds the listener lease"
            : "; standing by: another gateway of the org holds the listener lease";
    }
}
