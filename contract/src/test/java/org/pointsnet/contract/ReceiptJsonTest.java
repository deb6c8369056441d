package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The receipt's JSON is an on-ledger format: its members, their order, and the names readers check by. */
class ReceiptJsonTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String CONVERT = "{\"type\":\"CONVERT\",\"requestId\":\"k1\",\"requestHash\":\"h\","
            + "\"txId\":\"tx1\",\"timestamp\":\"2026-11-24T00:00:00Z\",\"platformId\":\"platform-a\",\"postings\":["
            + "{\"platformId\":\"platform-a\",\"userId\":\"u1\",\"delta\":-300},"
            + "{\"platformId\":\"platform-b\",\"userId\":\"u2\",\"delta\":140}],"
            + "\"rules\":{\"rateSource\":\"RULE\",\"rateVersion\":3,\"fromPlatformVersion\":1,\"toPlatformVersion\":2,"
            + "\"fromValueVersion\":1,\"toValueVersion\":3},"
            + "\"detail\":{\"userId\":\"u1\"}}";

    private static Receipt convert() {
        return new Receipt("CONVERT", "k1", "h", "tx1", "2026-11-24T00:00:00Z", "platform-a",
                List.of(new Posting("platform-a", "u1", -300), new Posting("platform-b", "u2", 140)),
                new RulesUsed("RULE", 3L, 1, 2, 1L, 3L, null, null), Map.of("userId", "u1"));
    }

    @Test
    void aReceiptIsWrittenMemberByMemberInItsFixedOrder() {
        assertEquals(CONVERT, JSON.writeValueAsString(convert()));
        assertEquals(convert(), JSON.readValue(CONVERT, Receipt.class));
    }

    @Test
    void theFieldNamesAreTheMembersInOrder() {
        final JsonNode receipt = JSON.readTree(CONVERT);
        assertEquals(List.of(Receipt.Fields.TYPE, Receipt.Fields.REQUEST_ID, Receipt.Fields.REQUEST_HASH,
                Receipt.Fields.TX_ID, Receipt.Fields.TIMESTAMP, Receipt.Fields.PLATFORM_ID, Receipt.Fields.POSTINGS,
                Receipt.Fields.RULES, Receipt.Fields.DETAIL), names(receipt));
        assertEquals(List.of(Posting.Fields.PLATFORM_ID, Posting.Fields.USER_ID, Posting.Fields.DELTA),
                names(receipt.get(Receipt.Fields.POSTINGS).get(0)));
    }

    @Test
    void anAdministrativeReceiptHasNoRulesMember() {
        final Receipt fee = new Receipt("SET_FEE_RULE", "k2", "h", "tx2", "2026-11-24T00:00:00Z", "platform-a",
                List.of(), null, Map.of("basisPoints", 30));
        assertEquals("{\"type\":\"SET_FEE_RULE\",\"requestId\":\"k2\",\"requestHash\":\"h\",\"txId\":\"tx2\","
                + "\"timestamp\":\"2026-11-24T00:00:00Z\",\"platformId\":\"platform-a\",\"postings\":[],"
                + "\"detail\":{\"basisPoints\":30}}", JSON.writeValueAsString(fee));
    }

    private static List<String> names(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
