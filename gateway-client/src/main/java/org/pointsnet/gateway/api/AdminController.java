package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.caller;
import static org.pointsnet.gateway.api.Ledger.requireCaller;
import static org.pointsnet.gateway.api.PointsController.IDEMPOTENCY_KEY;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * Platform rules and catalog (platform.admin) and settlement periods (clearing). Writes are signed by the org's
 * admin identity; PUTs need an Idempotency-Key like POSTs (it is the chaincode request id, and a key derived from
 * the body would make "set A, set B, set A again" a replay of the first A).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminController {

    private final LedgerClient ledger;
    private final CallerContext caller;

    public AdminController(final LedgerClient ledger, final CallerContext caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    /**
     * Registers the caller's own platform on the ledger (its member directory entry: name, symbol, decimals, unit
     * value, currency). Signed by the org's admin identity; the chaincode also needs a majority of the members.
     */
    @PutMapping("/platforms/{id}")
    public ReceiptResponse register(@PathVariable final String id,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                    @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "name", "symbol", "decimals", "unitValue", "currency",
            "multiplier", "categoryMultiplier", "timeZone", "settlementPeriod");
        final String name = Validation.text("name", in.string("name"), Limits.MAX_NAME);
        final String symbol = Validation.symbol("symbol", in.string("symbol"));
        final long decimals = in.integer("decimals", 0, Limits.MAX_DECIMALS);
        final String unitValue = Validation.decimal("unitValue", in.string("unitValue"));
        final String currency = Validation.currency("currency", in.string("currency"));
        // Seed §5.1's value of a point: unitValue × multiplier × categoryMultiplier (chaincode default "1" each).
        final String multiplier = optionalDecimal(in, "multiplier");
        final String categoryMultiplier = optionalDecimal(in, "categoryMultiplier");
        final String timeZone = in.optionalText("timeZone", 64);
        final String settlementPeriod = in.optionalText("settlementPeriod", 16);
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.REGISTER_PLATFORM,
            new LedgerRequest.RegisterPlatform(requestId, id, name, symbol, decimals, unitValue, currency, multiplier,
                categoryMultiplier, timeZone, settlementPeriod)));
    }

    private static String optionalDecimal(final JsonRequest in, final String name) {
        return in.has(name) ? Validation.decimal(name, in.string(name)) : null;
    }

    /** This side's approval of the rate from {@code id} to {@code toId}; the caller must be one of the two. */
    @PutMapping("/platforms/{id}/rules/rates/{toId}")
    public ReceiptResponse approveRate(@PathVariable final String id, @PathVariable final String toId,
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                       @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        Validation.platformId("toId", toId);
        if (id.equals(toId)) {
            throw Validation.invalid("toId must differ from id");
        }
        final JsonRequest in = JsonRequest.parse(body, "version", "rate");
        final long version = in.integer("version", 1, Long.MAX_VALUE);
        final String rate = Validation.decimal("rate", in.string("rate"));
        final String side = caller(caller);
        if (!side.equals(id) && !side.equals(toId)) {
            requireCaller(caller, id);
        }
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.APPROVE_RATE,
            new LedgerRequest.ApproveRate(requestId, side, id, toId, version, rate)));
    }

    @PutMapping("/platforms/{id}/rules/fee")
    public ReceiptResponse fee(@PathVariable final String id,
                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                               @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "basisPoints", "minFee", "maxFee");
        final long basisPoints = in.integer("basisPoints", 0, 10_000);
        final long minFee = in.integer("minFee", 0, Limits.MAX_AMOUNT);
        final long maxFee = in.integer("maxFee", 0, Limits.MAX_AMOUNT);
        if (minFee > maxFee) {
            throw Validation.invalid("minFee must not exceed maxFee");
        }
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_FEE_RULE,
            new LedgerRequest.SetFeeRule(requestId, id, basisPoints, minFee, maxFee)));
    }

    @PutMapping("/platforms/{id}/rules/limits")
    public ReceiptResponse limits(@PathVariable final String id,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                  @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "maxPerTransaction", "dailyPerUser", "pairDailyLimits");
        final Long maxPerTransaction = in.optionalAmount("maxPerTransaction");
        final Long dailyPerUser = in.optionalAmount("dailyPerUser");
        final List<LedgerRequest.PairLimit> pairs = new ArrayList<>();
        for (final JsonRequest pair : in.objects("pairDailyLimits", 100, "toPlatformId", "dailyLimit")) {
            pairs.add(new LedgerRequest.PairLimit(pair.platformId("toPlatformId"), pair.amount("dailyLimit")));
        }
        requireCaller(caller, id);
        // Absent: the pair limits stay as they are; an empty list: there are none any more.
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_LIMITS, new LedgerRequest.SetLimits(
            requestId, id, maxPerTransaction, dailyPerUser, in.has("pairDailyLimits") ? pairs : null)));
    }

    @PutMapping("/platforms/{id}/rewards/{rewardId}")
    public ReceiptResponse reward(@PathVariable final String id, @PathVariable final String rewardId,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                  @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        Validation.visibleAscii("rewardId", rewardId, Limits.MAX_ID);
        final JsonRequest in = JsonRequest.parse(body,
            "name", "points", "stock", "perUserLimit", "activeFrom", "activeUntil");
        final String name = Validation.text("name", in.string("name"), Limits.MAX_TEXT);
        final long points = in.amount("points");
        final long stock = in.integer("stock", 0, Limits.MAX_AMOUNT);
        final Long perUserLimit = in.optionalAmount("perUserLimit");
        final Instant from = instant(in, "activeFrom");
        final Instant until = instant(in, "activeUntil");
        if (from != null && until != null && !from.isBefore(until)) {
            throw Validation.invalid("activeFrom must be before activeUntil");
        }
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.PUT_REWARD, new LedgerRequest.PutReward(requestId,
            id, rewardId, name, points, stock, perUserLimit, in.optionalString("activeFrom"),
            in.optionalString("activeUntil"))));
    }

    private static Instant instant(final JsonRequest in, final String name) {
        final String value = in.optionalString(name);
        if (value == null) {
            return null;
        }
        if (value.length() > 40) {
            throw Validation.invalid(name + " must be an ISO-8601 instant like 2025-03-14T00:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Validation.invalid(name + " must be an ISO-8601 instant like 2025-03-14T00:00:00Z");
        }
    }

    @GetMapping("/settlements/{period}")
    public JsonNode settlement(@PathVariable final String period) {
        final LedgerRequest.Period request = new LedgerRequest.Period(Validation.period(period));
        return Ledger.answer(LedgerFunction.GET_PERIOD, ledger.evaluate(LedgerFunction.GET_PERIOD, request));
    }

    /** Closes the period on the caller's own side; positions are final once every side closed it. */
    @PostMapping("/settlements/{period}/close")
    public ReceiptResponse close(@PathVariable final String period,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                 @RequestBody(required = false) final String body) {
        final String requestId = bodilessPeriodCommand(period, key, body);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.CLOSE_PERIOD,
            new LedgerRequest.ClosePeriod(requestId, caller(caller), period)));
    }

    /**
     * Stores the period's statement on chain, signed by the caller's platform: over the conversions that the ledger's
     * own report nets now (settlement:GetPeriod), once every party closed the period.
     */
    @PostMapping("/settlements/{period}/statement")
    public ReceiptResponse statement(@PathVariable final String period,
                                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                     @RequestBody(required = false) final String body) {
        final String requestId = bodilessPeriodCommand(period, key, body);
        final String platformId = caller(caller);
        final JsonNode report = Ledger.answer(LedgerFunction.GET_PERIOD,
            ledger.evaluate(LedgerFunction.GET_PERIOD, new LedgerRequest.Period(period)));
        final List<LedgerRequest.NettedConversion> conversions = new ArrayList<>();
        for (final JsonNode c : report.path("conversions")) {
            conversions.add(new LedgerRequest.NettedConversion(c.path("txId").asString(),
                c.path("debtorPlatformId").asString(), c.path("creditorPlatformId").asString()));
        }
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.STORE_STATEMENT,
            new LedgerRequest.StoreStatement(requestId, platformId, period, conversions)));
    }

    /**
     * The caller's platform records what it paid to (or received from) a counterparty under the stored statement;
     * body {@code {counterpartyPlatformId, currency, amount}}, amount an exact decimal string.
     */
    @PostMapping("/settlements/{period}/confirmations")
    public ReceiptResponse confirm(@PathVariable final String period,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                   @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.period(period);
        final JsonRequest in = JsonRequest.parse(body, "counterpartyPlatformId", "currency", "amount");
        final String counterparty =
            Validation.platformId("counterpartyPlatformId", in.string("counterpartyPlatformId"));
        final String currency = Validation.currency("currency", in.string("currency"));
        final String amount = Validation.decimal("amount", in.string("amount"));
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.CONFIRM_SETTLEMENT,
            new LedgerRequest.ConfirmSettlement(requestId, caller(caller), period, counterparty, currency, amount)));
    }

    /** The request id of a command on {@code period} that takes no fields; a body, if sent, must still be JSON. */
    private static String bodilessPeriodCommand(final String period, final String key, final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.period(period);
        if (body != null && !body.isBlank()) {
            JsonRequest.parse(body);
        }
        return requestId;
    }
}
