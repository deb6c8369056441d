package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.requireCaller;
import static org.pointsnet.gateway.api.PointsController.IDEMPOTENCY_KEY;

import java.util.ArrayList;
import java.util.List;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.security.CallerContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Point expiry (docs/ledger.md, "Point expiry"): the platform's operator sets how long its points live and runs the
 * expiry transaction that removes expired lots from balances and supply; a user (or the platform's back end, for its
 * own users) sees what expires when.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExpiryController {

    private final LedgerClient ledger;
    private final CallerContext caller;

    public ExpiryController(final LedgerClient ledger, final CallerContext caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    /** {@code {periodSeconds}}: points credited from now on expire after it; 0: they never expire. */
    @PutMapping("/platforms/{id}/rules/expiry")
    public ReceiptResponse rule(@PathVariable final String id,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "periodSeconds");
        final long period = in.integer("periodSeconds", 0, Limits.MAX_EXPIRY_PERIOD_SECONDS);
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_EXPIRY_RULE,
            new LedgerRequest.SetExpiryRule(requestId, id, period)));
    }

    /**
     * {@code {userIds?}}: removes the named users' expired lots in one transaction; without {@code userIds}, the first
     * {@value Limits#MAX_EXPIRE_USERS} users with points due (by the evaluate-only {@code expiry:GetDue}).
     */
    @PostMapping("/platforms/{id}/expirations")
    public ReceiptResponse expire(@PathVariable final String id,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                  @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body == null || body.isBlank() ? "{}" : body, "userIds");
        List<String> userIds = in.optionalUserIds("userIds", Limits.MAX_EXPIRE_USERS);
        requireCaller(caller, id);
        if (userIds == null) {
            userIds = due(id);
            if (userIds.isEmpty()) {
                throw Validation.invalid("no user of platform '" + id + "' has expired points now");
            }
        }
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.EXPIRE,
            new LedgerRequest.Expire(requestId, id, userIds)));
    }

    /** The user's lots per platform: what expires when; a platform back end sees its own platform only. */
    @GetMapping("/users/{userId}/expiry")
    public JsonNode lots(@PathVariable final String userId) {
        final String only = Ledger.readerScope(caller, Validation.userId("userId", userId)).orElse(null);
        return Ledger.answer(LedgerFunction.GET_LOTS, ledger.evaluate(LedgerFunction.GET_LOTS,
            new LedgerRequest.Lots(userId, only)));
    }

    private List<String> due(final String platformId) {
        final JsonNode answer = Ledger.answer(LedgerFunction.GET_DUE, ledger.evaluate(LedgerFunction.GET_DUE,
            new LedgerRequest.Due(platformId, null, (long) Limits.MAX_EXPIRE_USERS, null)));
        final List<String> users = new ArrayList<>();
        for (final JsonNode user : answer.path("users")) {
            users.add(user.path("userId").asString());
        }
        return users;
    }
}
