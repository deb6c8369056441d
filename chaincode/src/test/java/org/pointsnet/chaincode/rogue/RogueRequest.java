package org.pointsnet.chaincode.rogue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call of the rogue contract: which key (public, or in a named private data collection) and what to put there or
 * emit. Values and event payloads travel base64-encoded so a test can write any bytes, including exact copies of what
 * it read before and deliberately malformed JSON.
 *
 * @param collection private data collection, or null for public state
 * @param objectType composite-key object type (e.g. "platform", "settle", "rate")
 * @param attributes composite-key attributes
 * @param value bytes to write, or null
 * @param eventName chaincode event to set, or null
 * @param eventPayload its payload, or null
 */
record RogueRequest(String collection, String objectType, List<String> attributes, byte[] value, String eventName,
        byte[] eventPayload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Parses {@code {"collection"?, "objectType", "attributes": [...], "valueBase64"?, "eventName"?,
     * "eventPayloadBase64"?}}. No validation beyond the shape: a dishonest org checks nothing.
     */
    static RogueRequest parse(final String json) {
        final JsonNode node = JSON.readTree(json);
        final List<String> attributes = new ArrayList<>();
        node.path("attributes").forEach(a -> attributes.add(a.asString()));
        return new RogueRequest(text(node, "collection"), node.path("objectType").asString(), List.copyOf(attributes),
                bytes(node, "valueBase64"), text(node, "eventName"), bytes(node, "eventPayloadBase64"));
    }

    boolean isPublic() {
        return collection == null;
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static byte[] bytes(final JsonNode node, final String field) {
        final String text = text(node, field);
        return text == null ? null : Base64.getDecoder().decode(text);
    }
}
