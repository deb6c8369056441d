package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.requireCaller;
import static org.pointsnet.gateway.api.PointsController.IDEMPOTENCY_KEY;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The value model (docs/ledger.md, "Earning categories" and "Platform value rule"): the platform's operator sets each
 * category's multiplier, and its own unit value and multiplier, as new versions in force from a stated time; an
 * issuance naming a category credits floor(amount × multiplier), and conversions price with the value rule in force.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ValueController {

    private final LedgerClient ledger;
    private final CallerContext caller;

    public ValueController(final LedgerClient ledger, final CallerContext caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    /** {@code {effectiveFrom?, categories: [{category, multiplier}]}}: a new version (absent effectiveFrom: now). */
    @PutMapping("/platforms/{id}/rules/categories")
    public ReceiptResponse setCategories(@PathVariable final String id,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                         @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "effectiveFrom", "categories");
        final String effectiveFrom = effectiveFrom(in);
        final List<LedgerRequest.Category> categories = new ArrayList<>();
        for (final JsonRequest c : in.objects("categories", Limits.MAX_CATEGORIES, "category", "multiplier")) {
            categories.add(new LedgerRequest.Category(Validation.category("category", c.string("category")),
                Validation.decimal("multiplier", c.string("multiplier"))));
        }
        if (categories.isEmpty()) {
            throw Validation.invalid("categories must name 1 to " + Limits.MAX_CATEGORIES + " categories");
        }
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_CATEGORIES,
            new LedgerRequest.SetCategories(requestId, id, effectiveFrom, categories)));
    }

    /**
     * {@code {unitValue, multiplier, effectiveFrom?}}: the platform's own value rule as a new version (absent
     * effectiveFrom: now); quotes and conversions from then on price with it and name its version.
     */
    @PutMapping("/platforms/{id}/rules/value")
    public ReceiptResponse setValue(@PathVariable final String id,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                    @RequestBody(required = false) final String body) {
        final String requestId = Validation.idempotencyKey(key);
        Validation.platformId("id", id);
        final JsonRequest in = JsonRequest.parse(body, "effectiveFrom", "unitValue", "multiplier");
        final String effectiveFrom = effectiveFrom(in);
        final String unitValue = valueRuleDecimal("unitValue", in.string("unitValue"));
        final String multiplier = valueRuleDecimal("multiplier", in.string("multiplier"));
        requireCaller(caller, id);
        return ReceiptResponse.of(ledger.submitAsAdmin(LedgerFunction.SET_VALUE,
            new LedgerRequest.SetValue(requestId, id, effectiveFrom, unitValue, multiplier)));
    }

    /** The platform's value-rule versions: the one in force and those scheduled. */
    @GetMapping("/platforms/{id}/value")
    public JsonNode value(@PathVariable final String id) {
        final LedgerRequest.OfPlatform request = new LedgerRequest.OfPlatform(Validation.platformId("id", id));
        return Ledger.answer(LedgerFunction.GET_VALUE, ledger.evaluate(LedgerFunction.GET_VALUE, request));
    }

    /** A value rule's unit value or multiplier: a positive decimal within the bounds of {@link Limits}. */
    private static String valueRuleDecimal(final String name, final String value) {
        final BigDecimal parsed = new BigDecimal(Validation.decimal(name, value));
        if (parsed.compareTo(BigDecimal.valueOf(Limits.MAX_VALUE_RULE)) > 0
            || parsed.stripTrailingZeros().scale() > Limits.MAX_VALUE_RULE_SCALE) {
            throw Validation.invalid(name + " must be at most " + Limits.MAX_VALUE_RULE + " with at most "
                + Limits.MAX_VALUE_RULE_SCALE + " decimal places");
        }
        return value;
    }

    private static String effectiveFrom(final JsonRequest in) {
        final String effectiveFrom = in.optionalString("effectiveFrom");
        if (effectiveFrom != null) {
            try {
                Instant.parse(effectiveFrom);
            } catch (DateTimeParseException e) {
                throw Validation.invalid("effectiveFrom must be an ISO-8601 instant like 2026-12-01T00:00:00Z");
            }
        }
        return effectiveFrom;
    }

    /** The platform's category versions: the one in force and those scheduled. */
    @GetMapping("/platforms/{id}/categories")
    public JsonNode categories(@PathVariable final String id) {
        final LedgerRequest.OfPlatform request = new LedgerRequest.OfPlatform(Validation.platformId("id", id));
        return Ledger.answer(LedgerFunction.GET_CATEGORIES, ledger.evaluate(LedgerFunction.GET_CATEGORIES, request));
    }
}
