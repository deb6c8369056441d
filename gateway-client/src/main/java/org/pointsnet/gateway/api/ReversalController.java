package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.requireCaller;
import static org.pointsnet.gateway.api.PointsController.IDEMPOTENCY_KEY;

import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.security.CallerContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reversals (docs/ledger.md, "Reversals"): the platform's operator undoes its own issuance, burn or conversion (as
 * source) by the original's request id, within the platform's reversal window. Signed as the org's operator. A
 * conversion's reversal is endorsed by both platforms' peers (the gateway plans it from the collections written),
 * and the destination's own code refuses it unless its own window allows.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReversalController {

    private final LedgerClient ledger;
    private final CallerContext caller;

    public ReversalController(final LedgerClient ledger, final CallerContext caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    /** The platform's reversal window in seconds (0 disables reversals of its transactions). */
    @PutMapping("/platforms/{id}/rules/reversal")
    public ReceiptResponse window(@PathVariable final String id,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                  @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "windowSeconds");
        final long window = in.integer("windowSeconds", 0, Limits.MAX_REVERSAL_WINDOW_SECONDS);
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_REVERSAL_WINDOW,
            new LedgerRequest.SetReversalWindow(requestId, id, window)));
    }

    @PostMapping("/issuances/{requestId}/reversal")
    public ReceiptResponse issuance(@PathVariable final String requestId,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                    @RequestBody(required = false) final String body) {
        return reverse("ISSUE", requestId, key, body);
    }

    @PostMapping("/burns/{requestId}/reversal")
    public ReceiptResponse burn(@PathVariable final String requestId,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                @RequestBody(required = false) final String body) {
        return reverse("BURN", requestId, key, body);
    }

    @PostMapping("/conversions/{requestId}/reversal")
    public ReceiptResponse conversion(@PathVariable final String requestId,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                      @RequestBody(required = false) final String body) {
        return reverse("CONVERT", requestId, key, body);
    }

    private ReceiptResponse reverse(final String type, final String original, final String key, final String body) {
        final String requestId = Validation.idempotencyKey(key);
        final String originalRequestId = Validation.visibleAscii("requestId", original, Limits.MAX_ID);
        final JsonRequest in = JsonRequest.parse(body == null || body.isBlank() ? "{}" : body, "reason");
        final String reason = in.optionalText("reason", Limits.MAX_TEXT);
        final String platformId = Ledger.caller(caller);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.REVERSE,
            new LedgerRequest.Reverse(requestId, platformId, originalRequestId, type, reason)));
    }
}
