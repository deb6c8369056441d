package org.pointsnet.gateway.api;

import java.util.Map;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the controllers share: chaincode request building, the caller check, receipt shaping. */
final class Ledger {

    private Ledger() {
    }

    /** A chaincode request object; null values are left out. */
    static final class Request {
        private final ObjectNode node = JsonRequest.JSON.createObjectNode();

        Request put(final String name, final String value) {
            if (value != null) {
                node.put(name, value);
            }
            return this;
        }

        Request put(final String name, final Long value) {
            if (value != null) {
                node.put(name, value.longValue());
            }
            return this;
        }

        Request set(final String name, final JsonNode value) {
            node.set(name, value);
            return this;
        }

        String json() {
            return JsonRequest.JSON.writeValueAsString(node);
        }
    }

    static Request request() {
        return new Request();
    }

    /** The caller's platform; 403 when the request acts for none. */
    static String caller(final CallerContext caller) {
        return caller.platformId().orElseThrow(() -> new ApiRequestException(ErrorCode.FORBIDDEN,
            "The request does not act for a platform."));
    }

    /** 403 unless the caller is {@code platformId}: a platform client acts only for its own platform. */
    static String requireCaller(final CallerContext caller, final String platformId) {
        final String own = caller(caller);
        if (!own.equals(platformId)) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN,
                "A platform client acts only for its own platform ('" + own + "').");
        }
        return own;
    }

    /** 403 when an end-user token names another user: a user token acts only for its own user. */
    static String requireUser(final CallerContext caller, final String userId) {
        final String own = caller.userId().orElse(userId);
        if (!own.equals(userId)) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN, "A user token acts only for its own user.");
        }
        return userId;
    }

    static JsonNode parse(final String function, final String json) {
        try {
            final JsonNode node = JsonRequest.JSON.readTree(json);
            if (node != null && (node.isObject() || node.isArray())) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new LedgerFailureException(function + " returned something other than JSON", null, null);
    }

    /**
     * API.md's receipt: {@code {txId, requestId, status: "COMMITTED", blockNumber, postings, ...}} followed by the
     * chaincode receipt's other fields (type, platformId, timestamp, rules, detail). {@code txId} is the receipt's,
     * so a repeated Idempotency-Key answers the first transaction's id.
     */
    static ObjectNode receipt(final String function, final LedgerClient.Committed committed) {
        final JsonNode parsed = parse(function, committed.resultJson());
        if (!parsed.isObject()) {
            throw new LedgerFailureException(function + " returned no receipt object", committed.txId(), null);
        }
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        final JsonNode txId = parsed.get("txId");
        out.put("txId", txId != null && txId.isString() ? txId.asString() : committed.txId());
        out.set("requestId", parsed.get("requestId"));
        out.put("status", "COMMITTED");
        out.put("blockNumber", committed.blockNumber());
        out.set("postings", parsed.has("postings") ? parsed.get("postings") : JsonRequest.JSON.createArrayNode());
        for (final Map.Entry<String, JsonNode> field : parsed.properties()) {
            if (!out.has(field.getKey()) && !"requestHash".equals(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
