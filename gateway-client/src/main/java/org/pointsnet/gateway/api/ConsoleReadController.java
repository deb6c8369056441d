package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.caller;
import static org.pointsnet.gateway.api.Ledger.requireCaller;

import java.util.List;
import java.util.Locale;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.projection.ConversionStats;
import org.pointsnet.gateway.security.CallerContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reads a member's dashboard needs that the API had no call for (issue 18): the rules in force of the caller's own
 * platform ({@code platform.admin}) and its conversions over time per pair ({@code clearing}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsoleReadController {

    /** The most rows one stats answer holds: a month of hours for a handful of pairs. */
    static final int MAX_POINTS = 5_000;

    private final LedgerClient ledger;
    private final CallerContext caller;
    private final ConversionStats stats;

    public ConsoleReadController(final LedgerClient ledger, final CallerContext caller, final ConversionStats stats) {
        this.ledger = ledger;
        this.caller = caller;
        this.stats = stats;
    }

    /**
     * The caller's own fee rule, limits and its side of each pair rate ({@code conversion:GetRules}, read on its own
     * peer: the rules live in the platform's own collection).
     */
    @GetMapping("/platforms/{id}/rules")
    public JsonNode rules(@PathVariable final String id) {
        Validation.platformId("id", id);
        requireCaller(caller, id);
        return Ledger.answer(LedgerFunction.GET_RULES,
            ledger.evaluate(LedgerFunction.GET_RULES, new LedgerRequest.OfPlatform(id)));
    }

    /** Conversions per pair and bucket ({@code minute}, {@code hour}, {@code day}) with the caller on one side. */
    @GetMapping("/conversions/stats")
    public Stats conversionStats(@RequestParam(required = false) final String bucket) {
        final ConversionStats.Bucket width = bucket(bucket);
        final String platform = caller(caller);
        return new Stats(platform, width.name().toLowerCase(Locale.ROOT), stats.of(platform, width, MAX_POINTS));
    }

    private static ConversionStats.Bucket bucket(final String value) {
        if (value == null) {
            return ConversionStats.Bucket.HOUR;
        }
        for (final ConversionStats.Bucket width : ConversionStats.Bucket.values()) {
            if (width.name().toLowerCase(Locale.ROOT).equals(value)) {
                return width;
            }
        }
        throw Validation.invalid("bucket must be minute, hour or day");
    }

    /** The answer of {@code GET /conversions/stats}: oldest bucket first. */
    public record Stats(String platformId, String bucket, List<ConversionStats.Point> points) {
    }
}
