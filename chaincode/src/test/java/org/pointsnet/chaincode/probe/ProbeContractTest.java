package org.pointsnet.chaincode.probe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pointsnet.chaincode.testing.FakeStub;

class ProbeContractTest {
    private static final Instant TX_TIME = Instant.parse("2025-03-14T09:26:53.589Z");

    private final ProbeContract contract = new ProbeContract();
    private FakeStub fake;

    @BeforeEach
    void newLedger() {
        fake = new FakeStub("tx-0001", TX_TIME);
    }

    @Test
    void putValueWritesStateAndSetsOneEventWithExactPayload() {
        final String result = contract.putValue(fake.context(), "order-42", "hello");

        final String expected =
                "{\"key\":\"order-42\",\"value\":\"hello\",\"txId\":\"tx-0001\",\"timestamp\":\"2025-03-14T09:26:53.589Z\"}";
        assertEquals(1, fake.events().size(), "exactly one event");
        assertEquals("ValueWritten", fake.events().get(0).name());
        assertArrayEquals(expected.getBytes(UTF_8), fake.events().get(0).payload());
        assertEquals(expected, result, "PutValue returns the event payload");
        assertEquals(List.of("\u0000probe.value\u0000order-42\u0000"), List.copyOf(fake.state().keySet()));
        assertArrayEquals("hello".getBytes(UTF_8), fake.state().get("\u0000probe.value\u0000order-42\u0000"));
    }

    @Test
    void payloadEscapesJsonAndKeepsUnicode() {
        final String value = "a\"b\\c grüße ✓ 😀";

        final String result = contract.putValue(fake.context(), "k", value);

        assertEquals("{\"key\":\"k\",\"value\":\"a\\\"b\\\\c grüße ✓ 😀\",\"txId\":\"tx-0001\","
                + "\"timestamp\":\"2025-03-14T09:26:53.589Z\"}", result);
        assertEquals("{\"key\":\"k\",\"value\":\"a\\\"b\\\\c grüße ✓ 😀\"}", contract.getValue(fake.context(), "k"));
    }

    @Test
    void timestampComesFromTheTransactionNotTheClock() {
        fake.nextTx("tx-0002", Instant.parse("2001-01-01T00:00:00Z"));

        final String result = contract.putValue(fake.context(), "k", "v");

        assertTrue(result.endsWith("\"txId\":\"tx-0002\",\"timestamp\":\"2001-01-01T00:00:00Z\"}"), result);
    }

    @Test
    void sameTransactionGivesIdenticalBytes() {
        final byte[] first = contract.putValue(fake.context(), "k", "v").getBytes(UTF_8);
        final FakeStub otherEndorser = new FakeStub("tx-0001", TX_TIME);

        final byte[] second = contract.putValue(otherEndorser.context(), "k", "v").getBytes(UTF_8);

        assertArrayEquals(first, second);
        assertArrayEquals(fake.events().get(0).payload(), otherEndorser.events().get(0).payload());
    }

    @Test
    void boundaryLengthsAreAccepted() {
        final String key = "A".repeat(64);
        contract.putValue(fake.context(), key, "x".repeat(1024));
        // 1024 characters outside the BMP are 2048 UTF-16 units: the limit counts characters.
        contract.putValue(fake.context(), "emoji", "😀".repeat(1024));
        contract.putValue(fake.context(), "a.B_c-9", "x");

        assertEquals(3, fake.state().size());
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("k".repeat(65), "65 characters"),
                Arguments.of("a b", "space"),
                Arguments.of("a/b", "slash"),
                Arguments.of("a:b", "colon"),
                Arguments.of("ключ", "non-ASCII letters"),
                Arguments.of("a\u0007b", "control character"),
                Arguments.of("a\u0000b", "NUL, the composite-key separator"),
                Arguments.of(null, "missing"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidKeys")
    void invalidKeyIsRejectedAndNothingWritten(final String key, final String why) {
        final ChaincodeException e =
                assertThrows(ChaincodeException.class, () -> contract.putValue(fake.context(), key, "v"));

        assertValidationFailed(e);
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: key '"), e.getMessage());
        assertNothingWritten();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of(null, "missing"),
                Arguments.of("x".repeat(1025), "1025 characters"),
                Arguments.of("a\u0000b", "NUL"),
                Arguments.of("line\nbreak", "newline"),
                Arguments.of("tab\there", "tab"),
                Arguments.of("bell\u0007", "BEL"),
                Arguments.of("del\u007f", "DEL"),
                Arguments.of("nel\u0085", "C1 control"),
                Arguments.of("sep\u2028", "line separator"),
                Arguments.of("half\uD83D", "unpaired surrogate"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidValues")
    void invalidValueIsRejectedAndNothingWritten(final String value, final String why) {
        final ChaincodeException e =
                assertThrows(ChaincodeException.class, () -> contract.putValue(fake.context(), "good-key", value));

        assertValidationFailed(e);
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: key 'good-key' value "), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void rejectedKeyIsShownEscapedAndCut() {
        final ChaincodeException control =
                assertThrows(ChaincodeException.class, () -> contract.putValue(fake.context(), "a\nb", "v"));
        assertTrue(control.getMessage().startsWith("VALIDATION_FAILED: key 'a\\u000Ab' "), control.getMessage());

        final ChaincodeException huge =
                assertThrows(ChaincodeException.class, () -> contract.putValue(fake.context(), "k".repeat(5000), "v"));
        assertTrue(huge.getMessage().length() < 200, "message length " + huge.getMessage().length());
    }

    @Test
    void getValueReturnsWhatPutValueStored() {
        contract.putValue(fake.context(), "k1", "first");
        fake.nextTx("tx-0002", TX_TIME.plusSeconds(1));
        contract.putValue(fake.context(), "k1", "second");

        assertEquals("{\"key\":\"k1\",\"value\":\"second\"}", contract.getValue(fake.context(), "k1"));
    }

    @Test
    void getValueOfMissingKeyIsNotFound() {
        contract.putValue(fake.context(), "other", "v");

        final ChaincodeException e =
                assertThrows(ChaincodeException.class, () -> contract.getValue(fake.context(), "nope"));

        assertEquals("NOT_FOUND: key 'nope' has no value", e.getMessage());
        assertArrayEquals("NOT_FOUND".getBytes(UTF_8), e.getPayload());
    }

    @Test
    void getValueChecksTheKey() {
        final ChaincodeException e =
                assertThrows(ChaincodeException.class, () -> contract.getValue(fake.context(), "bad key"));

        assertValidationFailed(e);
    }

    private static void assertValidationFailed(final ChaincodeException e) {
        assertTrue(e.getMessage().startsWith("VALIDATION_FAILED: "), e.getMessage());
        assertArrayEquals("VALIDATION_FAILED".getBytes(UTF_8), e.getPayload());
    }

    private void assertNothingWritten() {
        assertTrue(fake.state().isEmpty(), "state written");
        assertTrue(fake.events().isEmpty(), "event set");
        assertTrue(fake.calls().stream().noneMatch(c -> c.equals("putState") || c.equals("setEvent")), "calls");
    }
}
