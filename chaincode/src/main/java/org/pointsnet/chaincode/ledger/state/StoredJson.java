package org.pointsnet.chaincode.ledger.state;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads back the JSON this chaincode wrote (writing goes through support.Json). */
public final class StoredJson {
    // Stored values were written by this chaincode; unknown fields would mean a newer writer, which must not be
    // silently misread, so they fail.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StoredJson() {}

    /** Parses stored bytes as {@code type}. */
    public static <T> T read(final byte[] bytes, final Class<T> type) {
        return MAPPER.readValue(bytes, type);
    }

    /** Parses stored bytes as a tree (receipts are returned as they were stored). */
    public static JsonNode tree(final byte[] bytes) {
        return MAPPER.readTree(bytes);
    }
}
