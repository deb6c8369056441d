package org.pointsnet.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pointsnet.gateway.fabric.LedgerHealth;
import org.pointsnet.gateway.fabric.Readiness;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health/live}: the process serves HTTP. {@code /health/ready}: it can serve ledger requests now. */
@RestController
@RequestMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
public class HealthController {

    private final LedgerHealth ledger;

    public HealthController(final LedgerHealth ledger) {
        this.ledger = ledger;
    }

    /** Body of both endpoints; {@code reason} only when DOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthStatus(String status, String reason) {
    }

    @GetMapping("/live")
    public HealthStatus live() {
        return new HealthStatus("UP", null);
    }

    @GetMapping("/ready")
    public ResponseEntity<HealthStatus> ready() {
        final Readiness readiness = ledger.check();
        if (readiness.ready()) {
            return ResponseEntity.ok(new HealthStatus("UP", null));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthStatus("DOWN", readiness.reason()));
    }
}
