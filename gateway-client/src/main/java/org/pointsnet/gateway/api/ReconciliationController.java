package org.pointsnet.gateway.api;

import org.pointsnet.gateway.projection.Reconciliation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /reconciliation}: per platform, on-chain supply, supply replayed from events, difference. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReconciliationController {

    private final Reconciliation reconciliation;

    public ReconciliationController(final Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/reconciliation")
    public Reconciliation.Report reconcile() {
        return reconciliation.reconcile();
    }
}
