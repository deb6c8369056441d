package org.pointsnet.gateway.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.pointsnet.gateway.events.TestBlocks;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ReceiptParserTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static ByteString bytes(final String text) {
        return ByteString.copyFromUtf8(text);
    }

    /** A well-formed ISSUE receipt of tx "t1", changed by {@code change}. */
    private static String issue(final Consumer<ObjectNode> change) {
        final ObjectNode receipt = (ObjectNode) JSON.readTree(
            TestBlocks.receipt("t1", "ISSUE", "platform-a", "platform-a", "u1", 5));
        change.accept(receipt);
        return JSON.writeValueAsString(receipt);
    }

    private static ObjectNode posting(final ObjectNode receipt, final int index) {
        return (ObjectNode) receipt.get("postings").get(index);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
            Arguments.of("not json", SetAsideReason.MALFORMED, "payload is not valid JSON (stopped at line 1, column 1)"),
            Arguments.of("[]", SetAsideReason.MALFORMED, "payload is not a JSON object"),
            Arguments.of(issue(r -> { }) + " {}", SetAsideReason.MALFORMED, null),
            Arguments.of("{\"type\":\"ISSUE\",\"type\":\"BURN\"}", SetAsideReason.MALFORMED, null),
            Arguments.of(issue(r -> r.remove("type")), SetAsideReason.MALFORMED,
                "field 'type' is missing or not a string"),
            Arguments.of(issue(r -> r.put("type", 5)), SetAsideReason.MALFORMED,
                "field 'type' is missing or not a string"),
            Arguments.of(issue(r -> r.put("type", "MINT")), SetAsideReason.MALFORMED, "unknown receipt type 'MINT'"),
            Arguments.of(issue(r -> r.put("txId", "t2")), SetAsideReason.MALFORMED,
                "field 'txId' is not the id of the transaction it came in"),
            Arguments.of(issue(r -> r.put("requestId", "r".repeat(65))), SetAsideReason.MALFORMED,
                "field 'requestId' is not 1-64 printable ASCII characters"),
            Arguments.of(issue(r -> r.put("timestamp", "yesterday")), SetAsideReason.MALFORMED,
                "field 'timestamp' is not an ISO-8601 UTC instant"),
            Arguments.of(issue(r -> r.put("platformId", "Platform A")), SetAsideReason.MALFORMED,
                "field 'platformId' is not a platform id"),
            Arguments.of(issue(r -> r.put("postings", "none")), SetAsideReason.MALFORMED,
                "field 'postings' is missing or not an array"),
            Arguments.of(issue(r -> ((ArrayNode) r.get("postings")).set(0, 7)), SetAsideReason.MALFORMED,
                "postings[0] is not an object"),
            Arguments.of(issue(r -> posting(r, 0).remove("userId")), SetAsideReason.MALFORMED,
                "postings[0].userId is missing or not 1-64 visible ASCII characters"),
            Arguments.of(issue(r -> posting(r, 0).put("platformId", 1)), SetAsideReason.MALFORMED,
                "postings[0].platformId is missing or not a string"),
            Arguments.of(issue(r -> posting(r, 0).put("delta", "5")), SetAsideReason.MALFORMED,
                "postings[0].delta is missing or not a number"),
            Arguments.of(issue(r -> posting(r, 0).put("delta", 1.5)), SetAsideReason.BAD_AMOUNT,
                "postings[0].delta is not a whole number that fits a signed 64-bit integer"),
            Arguments.of(issue(r -> posting(r, 0).put("delta", new java.math.BigInteger("9223372036854775808"))),
                SetAsideReason.BAD_AMOUNT, "postings[0].delta is not a whole number that fits a signed 64-bit integer"),
            Arguments.of(issue(r -> posting(r, 0).put("delta", -5)), SetAsideReason.BAD_AMOUNT,
                "ISSUE receipt whose first posting has delta -5"),
            Arguments.of(issue(r -> posting(r, 0).put("delta", 0)), SetAsideReason.BAD_AMOUNT,
                "ISSUE receipt whose first posting has delta 0"),
            Arguments.of(issue(r -> posting(r, 0).put("platformId", "platform-b")), SetAsideReason.MALFORMED,
                "ISSUE receipt of platform 'platform-a' whose first posting is on platform 'platform-b'"),
            Arguments.of(TestBlocks.receipt("t1", "BURN", "platform-a", "platform-a", "u1", 5), SetAsideReason.BAD_AMOUNT,
                "BURN receipt whose first posting has delta 5"),
            Arguments.of(TestBlocks.receipt("t1", "TRANSFER", "platform-a", "platform-a", "u1", -5, "platform-a", "u2", 6),
                SetAsideReason.BAD_AMOUNT, "TRANSFER receipt whose credit 6 does not balance its debit -5"),
            Arguments.of(TestBlocks.receipt("t1", "CONVERT", "platform-a", "platform-a", "u1", -5, "platform-a", "u2", 6),
                SetAsideReason.MALFORMED, "CONVERT receipt crediting its own platform"),
            Arguments.of(TestBlocks.receipt("t1", "CONVERT", "platform-a", "platform-a", "u1", -5, "platform-b", "u2", -6),
                SetAsideReason.BAD_AMOUNT, "CONVERT receipt with a credit of -6"),
            Arguments.of(TestBlocks.receipt("t1", "REVERSE", "platform-a", "platform-a", "u1", -5, "platform-b", "u2", -6),
                SetAsideReason.BAD_AMOUNT, "REVERSE receipt whose first posting has delta -5"),
            Arguments.of(TestBlocks.receipt("t1", "REVERSE", "platform-a", "platform-a", "u1", 5, "platform-a", "u2", -6),
                SetAsideReason.MALFORMED, "REVERSE receipt of a conversion debiting its own platform"),
            Arguments.of(TestBlocks.receipt("t1", "REVERSE", "platform-a", "platform-a", "u1", 5, "platform-b", "u2", 6),
                SetAsideReason.BAD_AMOUNT, "REVERSE receipt with a debit of 6"),
            Arguments.of(TestBlocks.receipt("t1", "EXPIRE", "platform-a", "platform-a", "u1", -5, "platform-a", "u2", 6),
                SetAsideReason.BAD_AMOUNT, "EXPIRE receipt with a posting of 6"),
            Arguments.of(TestBlocks.receipt("t1", "EXPIRE", "platform-a", "platform-a", "u1", -5, "platform-b", "u2", -6),
                SetAsideReason.MALFORMED, "EXPIRE receipt posting on another platform"),
            Arguments.of(TestBlocks.receipt("t1", "EXPIRE", "platform-a", "platform-a", "u1", -5, "platform-a", "u1", -6),
                SetAsideReason.MALFORMED, "EXPIRE receipt posting twice on one user"),
            Arguments.of(TestBlocks.receipt("t1", "REGISTER_PLATFORM", "platform-a", "platform-a", "u1", 5),
                SetAsideReason.MALFORMED, "REGISTER_PLATFORM receipt with 1 postings"),
            Arguments.of("{\"pad\":\"" + "x".repeat(ReceiptParser.MAX_PAYLOAD_BYTES) + "\"}", SetAsideReason.MALFORMED,
                "payload of " + (ReceiptParser.MAX_PAYLOAD_BYTES + 10) + " bytes is larger than "
                    + ReceiptParser.MAX_PAYLOAD_BYTES));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aPayloadTheChaincodeDoesNotWriteIsRefusedWithItsReason(final String payload, final SetAsideReason reason,
                                                                final String detail) {
        final RejectedEventException e = assertThrows(RejectedEventException.class,
            () -> ReceiptParser.parse("t1", bytes(payload)));

        assertEquals(reason, e.reason());
        if (detail != null) {
            assertEquals(detail, e.getMessage());
        }
    }

    @Test
    void everyShapeTheChaincodeWritesIsRead() throws Exception {
        final Receipt convert = ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "CONVERT", "platform-a",
            "platform-a", "u1", -300, "platform-b", "u2", 140, "platform-b", "fee", 10)));
        // The fields the projection stores (the contract's record carries the rest of the payload too).
        assertEquals(List.of("CONVERT", "r-t1", "2026-11-24T00:00:00Z", "platform-a", List.of(
            new Posting("platform-a", "u1", -300), new Posting("platform-b", "u2", 140),
            new Posting("platform-b", "fee", 10))),
            List.of(convert.type(), convert.requestId(), convert.timestamp(), convert.platformId(), convert.postings()));
        assertEquals(List.of("platform-a", "platform-b"), List.copyOf(ReceiptAdmission.platforms(convert)));

        assertEquals(2, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "TRANSFER", "platform-a",
            "platform-a", "u1", -5, "platform-a", "u2", 5))).postings().size());
        assertEquals(-7, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "REDEEM", "platform-a",
            "platform-a", "u1", -7))).postings().get(0).delta());
        // Reversals: an issue's (one debit), a burn's (one credit), a conversion's (credit, then debits on B).
        assertEquals(-7, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "REVERSE", "platform-a",
            "platform-a", "u1", -7))).postings().get(0).delta());
        assertEquals(7, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "REVERSE", "platform-a",
            "platform-a", "u1", 7))).postings().get(0).delta());
        assertEquals(3, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "REVERSE", "platform-a",
            "platform-a", "u1", 300, "platform-b", "u2", -140, "platform-b", "fee", -10))).postings().size());
        // An expiry: one debit per user whose lots expired, all on the receipt's platform.
        assertEquals(2, ReceiptParser.parse("t1", bytes(TestBlocks.receipt("t1", "EXPIRE", "platform-a",
            "platform-a", "u1", -70, "platform-a", "u2", -3))).postings().size());
        // Fields the projection does not store (requestHash, rules, detail) are not its business.
        assertEquals(List.of(), ReceiptParser.parse("t1", bytes(issue(r -> {
            r.put("type", "SET_FEE_RULE");
            r.putArray("postings");
            r.putObject("detail").put("basisPoints", 30);
        }))).postings());
        // A value-rule change (no postings), and a conversion's rules naming the value-rule versions it used.
        assertEquals(List.of(), ReceiptParser.parse("t1", bytes(issue(r -> {
            r.put("type", "SET_VALUE");
            r.putArray("postings");
            r.putObject("detail").put("version", 2).put("unitValue", "0.02").put("multiplier", "1.5");
        }))).postings());
        // A supply fold (no postings: the supply does not change).
        assertEquals(List.of(), ReceiptParser.parse("t1", bytes(issue(r -> {
            r.put("type", "FOLD_SUPPLY");
            r.putArray("postings");
            r.putObject("detail").put("deltas", 3).put("amount", 550).put("total", 550);
        }))).postings());
        assertEquals(Long.valueOf(2), ReceiptParser.parse("t1", bytes(issue(r -> r.putObject("rules")
            .put("rateSource", "UNIT_VALUE").put("fromPlatformVersion", 1).put("toPlatformVersion", 1)
            .put("fromValueVersion", 2).put("toValueVersion", 1)))).rules().fromValueVersion());
    }

    @Test
    void theWholePayloadIsBoundToTheContractsRecord() throws Exception {
        final Receipt fee = ReceiptParser.parse("t1", bytes(issue(r -> {
            r.put("type", "SET_FEE_RULE");
            r.putArray("postings");
            r.putObject("detail").put("basisPoints", 30);
        })));
        assertEquals("h", fee.requestHash());
        assertEquals("t1", fee.txId());
        assertEquals(java.util.Map.of("basisPoints", 30), fee.detail());

        final RejectedEventException e = assertThrows(RejectedEventException.class,
            () -> ReceiptParser.parse("t1", bytes(issue(r -> r.put("rules", "none")))));
        assertEquals(SetAsideReason.MALFORMED, e.reason());
        assertEquals("'rules' does not fit the receipt record", e.getMessage());
    }
}
