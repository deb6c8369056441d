package org.pointsnet.chaincode.ledger.request;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.support.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request object read strictly: unknown or duplicate fields, wrong JSON types (a string for a number, 1.5 for an
 * integer) and missing required fields are VALIDATION_FAILED naming the field. Explicit null counts as absent.
 */
public final class Request {
    /** Largest request accepted, in characters: requests are small, a huge one is an attack or a bug. */
    public static final int MAX_LENGTH = 16_384;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String function;
    private final JsonNode node;

    private Request(final String function, final JsonNode node) {
        this.function = function;
        this.node = node;
    }

    /** Parses {@code json} for {@code function}, refusing any field not in {@code allowed}. */
    public static Request parse(final String function, final String json, final Set<String> allowed) {
        return parse(function, json, allowed, MAX_LENGTH);
    }

    /** Parses a request that may be longer than {@link #MAX_LENGTH}: at most {@code maxLength} characters. */
    public static Request parse(final String function, final String json, final Set<String> allowed,
            final int maxLength) {
        if (json == null || json.length() > maxLength) {
            throw refusal(VALIDATION_FAILED, function + " request must be a JSON object of at most " + maxLength
                    + " characters");
        }
        final JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw refusal(VALIDATION_FAILED, function + " request is not valid JSON: " + e.getOriginalMessage());
        }
        return of(function, node, allowed);
    }

    private static Request of(final String function, final JsonNode node, final Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw refusal(VALIDATION_FAILED, function + " request must be a JSON object");
        }
        for (final String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw refusal(VALIDATION_FAILED, "unknown field '" + Ids.display(name) + "' in " + function
                        + " request; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return new Request(function, node);
    }

    /** The function this request is for. */
    public String function() {
        return function;
    }

    /** A required string field. */
    public String text(final String name) {
        return optText(name).orElseThrow(() -> missing(name));
    }

    /** An optional string field. */
    public Optional<String> optText(final String name) {
        final JsonNode v = field(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw wrongType(name, "a string");
        }
        return Optional.of(v.stringValue());
    }

    /** A required integer field (a JSON integer that fits a long). */
    public long integer(final String name) {
        return optInteger(name).orElseThrow(() -> missing(name));
    }

    /** An optional integer field. */
    public Optional<Long> optInteger(final String name) {
        final JsonNode v = field(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(name, "an integer");
        }
        return Optional.of(v.longValue());
    }

    /** An optional boolean field. */
    public Optional<Boolean> optBoolean(final String name) {
        final JsonNode v = field(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return Optional.of(v.booleanValue());
    }

    /** An optional array of objects, each read strictly with {@code allowed} fields. */
    public List<Request> objects(final String name, final Set<String> allowed) {
        final JsonNode v = field(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array");
        }
        final List<Request> out = new ArrayList<>();
        for (final JsonNode item : v.values()) {
            out.add(of(function + "." + name, item, allowed));
        }
        return out;
    }

    /** An optional array of strings. */
    public List<String> texts(final String name) {
        final JsonNode v = field(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array of strings");
        }
        final List<String> out = new ArrayList<>();
        for (final JsonNode item : v.values()) {
            if (!item.isString()) {
                throw wrongType(name, "an array of strings");
            }
            out.add(item.stringValue());
        }
        return out;
    }

    /**
     * SHA-256 (hex) of the function name and the request with its fields sorted and nulls dropped: the same request
     * written differently hashes the same, a different one (other than by field order) does not.
     */
    public String hash() {
        try {
            final byte[] canonical = (function + "\n" + Json.write(canonical(node))).getBytes(UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    private static Object canonical(final JsonNode n) {
        if (n.isObject()) {
            final Map<String, Object> sorted = new TreeMap<>();
            n.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    sorted.put(e.getKey(), canonical(e.getValue()));
                }
            });
            return sorted;
        }
        if (n.isArray()) {
            final List<Object> items = new ArrayList<>();
            n.values().forEach(v -> items.add(canonical(v)));
            return items;
        }
        return n;
    }

    private JsonNode field(final String name) {
        final JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private RuntimeException missing(final String name) {
        return refusal(VALIDATION_FAILED, function + " request needs field '" + name + "'");
    }

    private RuntimeException wrongType(final String name, final String type) {
        return refusal(VALIDATION_FAILED, "field '" + name + "' of " + function + " request must be " + type);
    }
}
