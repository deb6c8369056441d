package org.pointsnet.gateway.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pointsnet.contract.Limits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body parsed strictly: one JSON object, no duplicate or unknown fields, at most 64 KiB, each field of
 * the JSON type it should have. Accessors validate and throw 400 VALIDATION_FAILED naming the field.
 */
final class JsonRequest {

    static final JsonMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final ObjectNode body;

    private JsonRequest(final ObjectNode body) {
        this.body = body;
    }

    /** Parses {@code raw} and refuses fields outside {@code allowed}. */
    static JsonRequest parse(final String raw, final String... allowed) {
        Validation.bodySize(raw);
        if (raw == null || raw.isBlank()) {
            throw Validation.invalid("a JSON object body is required");
        }
        final JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw Validation.invalid("the request body is not valid JSON (or repeats a field)");
        }
        if (node == null || !node.isObject()) {
            throw Validation.invalid("the request body must be a JSON object");
        }
        final JsonRequest request = new JsonRequest((ObjectNode) node);
        request.onlyFields(Set.of(allowed));
        return request;
    }

    private void onlyFields(final Set<String> allowed) {
        final Set<String> unknown = new TreeSet<>();
        for (final Map.Entry<String, JsonNode> field : body.properties()) {
            if (!allowed.contains(field.getKey())) {
                unknown.add(field.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            // Echo names only when they are harmless; otherwise just say there are unknown fields.
            final boolean printable = unknown.stream().allMatch(n -> n.matches("[A-Za-z0-9_]{1,64}"));
            throw Validation.invalid(printable ? "unknown field(s): " + String.join(", ", unknown)
                : "the request has unknown fields");
        }
    }

    private JsonNode present(final String name) {
        final JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(final String name) {
        final JsonNode value = present(name);
        if (value == null) {
            throw Validation.invalid(name + " is required");
        }
        return value;
    }

    boolean has(final String name) {
        return present(name) != null;
    }

    String string(final String name) {
        final JsonNode value = required(name);
        if (!value.isString()) {
            throw Validation.invalid(name + " must be a string");
        }
        return value.asString();
    }

    /** An optional JSON boolean; false when absent. */
    boolean optionalBoolean(final String name) {
        if (!has(name)) {
            return false;
        }
        final JsonNode value = present(name);
        if (!value.isBoolean()) {
            throw Validation.invalid(name + " must be true or false");
        }
        return value.asBoolean();
    }

    String optionalString(final String name) {
        return has(name) ? string(name) : null;
    }

    String platformId(final String name) {
        return Validation.platformId(name, string(name));
    }

    String userId(final String name) {
        return Validation.userId(name, string(name));
    }

    String optionalUserId(final String name) {
        return has(name) ? userId(name) : null;
    }

    String optionalText(final String name, final int max) {
        return has(name) ? Validation.text(name, string(name), max) : null;
    }

    /** A JSON integer (not a string, not 1.0, not 1e3) in [min, max]. */
    long integer(final String name, final long min, final long max) {
        final JsonNode value = required(name);
        if (!value.isIntegralNumber()) {
            throw Validation.invalid(name + " must be a JSON integer from " + min + " to " + max);
        }
        return Validation.inRange(name, value.bigIntegerValue(), min, max);
    }

    /** An amount: a JSON integer from 1 to 10^15. */
    long amount(final String name) {
        return integer(name, 1, Limits.MAX_AMOUNT);
    }

    Long optionalAmount(final String name) {
        return has(name) ? amount(name) : null;
    }

    /** An optional array of 1 to {@code max} distinct user ids; null when absent. */
    List<String> optionalUserIds(final String name, final int max) {
        if (!has(name)) {
            return null;
        }
        final JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty() || value.size() > max) {
            throw Validation.invalid(name + " must be an array of 1 to " + max + " user ids");
        }
        final List<String> ids = new ArrayList<>();
        for (final JsonNode item : value) {
            if (!item.isString()) {
                throw Validation.invalid(name + " must be an array of strings");
            }
            ids.add(Validation.userId(name + "[]", item.asString()));
        }
        if (new TreeSet<>(ids).size() != ids.size()) {
            throw Validation.invalid(name + " names a user twice");
        }
        return ids;
    }

    List<JsonRequest> objects(final String name, final int max, final String... allowed) {
        if (!has(name)) {
            return Collections.emptyList();
        }
        final JsonNode value = required(name);
        if (!value.isArray() || value.size() > max) {
            throw Validation.invalid(name + " must be an array of at most " + max + " objects");
        }
        final List<JsonRequest> items = new ArrayList<>();
        for (final JsonNode item : value) {
            if (!item.isObject()) {
                throw Validation.invalid(name + " must be an array of objects");
            }
            final JsonRequest request = new JsonRequest((ObjectNode) item);
            request.onlyFields(Set.of(allowed));
            items.add(request);
        }
        return items;
    }
}
