package org.pointsnet.gateway.probe;

import jakarta.validation.Valid;
import java.util.List;
import org.pointsnet.gateway.events.ChaincodeEventRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Smoke-test endpoints: write and read a value through Fabric, list received chaincode events. */
@RestController
@RequestMapping(path = "/api/v1/probe", produces = MediaType.APPLICATION_JSON_VALUE)
// Off by default and never on in the network test-network.sh starts; when on, every call needs platform.admin
// (ApiAuthorizationRules): it writes as the org's client identity and lists recent events.
@ConditionalOnBooleanProperty("pointsnet.probe.enabled")
public class ProbeController {

    private final ValueLedger ledger;
    private final EventRing events;

    public ProbeController(final ValueLedger ledger, final EventRing events) {
        this.ledger = ledger;
        this.events = events;
    }

    /** Submits PutValue and answers once this org's peer has committed it as VALID. */
    @PostMapping(path = "/values", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PutValueResponse putValue(@Valid @RequestBody final PutValueRequest request) {
        return PutValueResponse.from(ledger.putValue(request.key(), request.value()));
    }

    @GetMapping("/values/{key}")
    public ValueResponse getValue(@PathVariable final String key) {
        return ValueResponse.from(ledger.getValue(key));
    }

    /** Chaincode events received since this gateway started (the last {@link EventRing#capacity()}), oldest first. */
    @GetMapping("/events")
    public List<ChaincodeEventRecord> events() {
        return events.snapshot();
    }
}
