package org.pointsnet.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalLong;
import org.pointsnet.gateway.fabric.LedgerHealth;
import org.pointsnet.gateway.fabric.Readiness;
import org.pointsnet.gateway.projection.ListenerProgress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: it can serve ledger requests now (peer
 * reachable, chaincode answering) and its event projection is at most {@code pointsnet.projection.max-lag-blocks}
 * behind the peer.
 */
@RestController
@RequestMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
public class HealthController {

    private final LedgerHealth ledger;
    private final ObjectProvider<ListenerProgress> listener;

    public HealthController(final LedgerHealth ledger, final ObjectProvider<ListenerProgress> listener) {
        this.ledger = ledger;
        this.listener = listener;
    }

    /** Body of both endpoints; {@code reason} only when DOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthStatus(String status, String reason) {
    }

    private static long maxLag(final ListenerProgress progress) {
        return progress == null ? 0 : progress.maxLagBlocks();
    }

    @GetMapping("/live")
    public HealthStatus live() {
        return new HealthStatus("UP", null);
    }

    @GetMapping("/ready")
    public ResponseEntity<HealthStatus> ready() {
        final Readiness readiness = ledger.check();
        if (readiness.ready()) {
            final ListenerProgress progress = listener.getIfAvailable();
            final OptionalLong lag = progress == null ? OptionalLong.of(0) : progress.lagBlocks();
            if (lag.isPresent() && lag.getAsLong() <= maxLag(progress)) {
                return ResponseEntity.ok(new HealthStatus("UP", null));
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthStatus("DOWN",
                lag.isEmpty() ? "event listener position unknown"
                    : "event listener " + lag.getAsLong() + " blocks behind the peer"));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthStatus("DOWN", readiness.reason()));
    }
}
