package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.operator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import tools.jackson.databind.JsonNode;

class ValueContractTest {
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
        net.registerUser("platform-a.u1");
    }

    private String categories(final String requestId, final String effectiveFrom, final String list) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"platform-a\","
                + (effectiveFrom == null ? "" : "\"effectiveFrom\":\"" + effectiveFrom + "\",")
                + "\"categories\":[" + list + "]}";
    }

    private JsonNode issue(final String requestId, final long base, final String category) {
        return StoredJson.tree(net.ok(client(A_MSP), ctx -> net.accounts.issue(ctx, "{\"requestId\":\"" + requestId
                + "\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":" + base
                + ",\"category\":\"" + category + "\"}")).getBytes(UTF_8));
    }

    @Test
    void twoCategoriesCreditDifferentPointsForTheSameBaseAndReceiptsNameTheVersion() {
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.issue(ctx, "{\"requestId\":\"i0\",\"platformId\":"
                + "\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":100,\"category\":\"flights\"}"));
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.values.setCategories(ctx, categories("c1", null,
                "{\"category\":\"flights\",\"multiplier\":\"2\"}")));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.values.setCategories(ctx, categories("c1", null,
                "{\"category\":\"flights\",\"multiplier\":\"2\"}")));
        net.ok(operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c1", null,
                "{\"category\":\"flights\",\"multiplier\":\"2.5\"},{\"category\":\"hotels\",\"multiplier\":\"1\"}")));
        final JsonNode flights = issue("i1", 101, "flights");
        final JsonNode hotels = issue("i2", 101, "hotels");
        assertEquals(252, flights.get("postings").get(0).get("delta").longValue()); // floor(101 × 2.5)
        assertEquals(101, hotels.get("postings").get(0).get("delta").longValue());
        assertEquals("{\"userId\":\"platform-a.u1\",\"amount\":252,\"category\":\"flights\",\"baseAmount\":101,"
                + "\"multiplier\":\"2.5\",\"categoriesVersion\":1}", flights.get("detail").toString());
        assertEquals(353, net.balance(A, "platform-a.u1"));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.issue(ctx, "{\"requestId\":\"i3\",\"platformId\":"
                + "\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":100,\"category\":\"cars\"}"));
        // Without a category an issue credits the amount, as before.
        net.issue(A, "platform-a.u1", 7);
        assertEquals(360, net.balance(A, "platform-a.u1"));
    }

    @Test
    void aMultiplierChangeAppliesFromItsStatedTime() {
        net.ok(operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c1", null,
                "{\"category\":\"flights\",\"multiplier\":\"2\"}")));
        final String from = net.now.plusSeconds(100).toString();
        net.ok(operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c2", from,
                "{\"category\":\"flights\",\"multiplier\":\"3\"}")));
        JsonNode before = issue("i1", 10, "flights");
        assertEquals(20, before.get("postings").get(0).get("delta").longValue());
        assertEquals(1, before.get("detail").get("categoriesVersion").longValue());
        net.now = net.now.plusSeconds(100);
        final JsonNode after = issue("i2", 10, "flights");
        assertEquals(30, after.get("postings").get(0).get("delta").longValue());
        assertEquals(2, after.get("detail").get("categoriesVersion").longValue());
        final String stored = net.query(ctx -> net.values.getCategories(ctx, "{\"platformId\":\"platform-a\"}"));
        assertTrue(stored.contains("\"version\":2") && stored.contains("\"version\":1"), stored);
        // A version from the past would rewrite what earlier issuances were worth: refused.
        final String past = net.now.minusSeconds(10).toString();
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c3", past,
                "{\"category\":\"flights\",\"multiplier\":\"9\"}")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c3", null,
                "{\"category\":\"Flights!\",\"multiplier\":\"9\"}")));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c3", null,
                "{\"category\":\"x\",\"multiplier\":\"0\"}")));
        // Once version 3 is in force, versions 1 and 2 are no longer kept.
        net.ok(operator(A_MSP), ctx -> net.values.setCategories(ctx, categories("c4", null,
                "{\"category\":\"flights\",\"multiplier\":\"4\"}")));
        final String kept = net.query(ctx -> net.values.getCategories(ctx, "{\"platformId\":\"platform-a\"}"));
        assertTrue(kept.contains("\"version\":3") && !kept.contains("\"version\":2"), kept);
    }
}
