package org.pointsnet.chaincode.support;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deterministic JSON for ledger values, events and results.
 *
 * <p>Every endorsing peer must produce byte-identical output, so the mapper is built once with fixed settings (no
 * pretty printing, no default typing) and the value types pin their field order with {@code @JsonPropertyOrder}.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /**
     * Serializes a value to compact JSON.
     *
     * @param value a record with a fixed property order
     * @return the JSON text
     */
    public static String write(final Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Serializes a value to compact JSON as UTF-8 bytes.
     *
     * @param value a record with a fixed property order
     * @return the JSON bytes
     */
    public static byte[] writeBytes(final Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }
}
