package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.Endorsed;
import org.pointsnet.chaincode.testing.SimulatedTransaction;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

/** account:FoldSupply and account:GetSupplyDeltas: GetSupply answers the same before and after any fold. */
class SupplyFoldTest {
    private final Network net = new Network();

    @BeforeEach
    void history() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 500);
        net.issue(A, "platform-a.u2", 70);
        net.ok(client(A_MSP), ctx -> net.accounts.burn(ctx,
                "{\"requestId\":\"b1\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":20}"));
        // A conversion writes a delta in both platforms' collections.
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\",\"userId\":\"platform-a.u1\","
                + "\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-c\",\"amount\":100}"));
    }

    private String supply(final String platformId) {
        return net.query(ctx -> net.accounts.auditSupply(ctx, "{\"platformId\":\"" + platformId + "\"}"));
    }

    private JsonNode deltas(final String platformId) {
        return StoredJson.tree(net.query(ctx -> net.accounts.getSupplyDeltas(ctx,
                "{\"platformId\":\"" + platformId + "\"}")).getBytes(UTF_8));
    }

    /** A fold request naming {@code deltas}' entries (day and txId each). */
    private static String foldReq(final String requestId, final String platformId, final List<JsonNode> deltas) {
        final List<String> keys = new ArrayList<>();
        deltas.forEach(d -> keys.add("{\"day\":\"" + d.get("day").stringValue() + "\",\"txId\":\""
                + d.get("txId").stringValue() + "\"}"));
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"" + platformId + "\",\"deltas\":["
                + String.join(",", keys) + "]}";
    }

    private static List<JsonNode> list(final JsonNode array) {
        final List<JsonNode> out = new ArrayList<>();
        array.values().forEach(out::add);
        return out;
    }

    @Test
    void foldsKeepGetSupplyAndRemoveTheFoldedDeltas() {
        final String before = supply(A);
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":450,\"balances\":450}]", before);
        final String beforeC = supply(C);
        final List<JsonNode> all = list(deltas(A));
        assertEquals(4, all.size(), all.toString());
        assertEquals(List.of(500L, 70L, -20L, -100L), all.stream().map(d -> d.get("delta").longValue()).toList());

        // Endorsed by A's peer alone: the fold writes only A's collection.
        final Network.Result first = net.submit(client(A_MSP), Set.of(A_MSP),
                ctx -> net.accounts.foldSupply(ctx, foldReq("f1", A, all.subList(0, 3))));
        assertEquals(ValidationCode.VALID, first.code());
        assertEquals(Set.of("ledger-platform-a"), first.tx().privateWrites().keySet());
        final JsonNode receipt = StoredJson.tree(Network.eventPayload(first.tx()).getBytes(UTF_8));
        assertEquals("FOLD_SUPPLY", receipt.get("type").stringValue());
        assertEquals("[]", receipt.get("postings").toString());
        assertEquals("{\"deltas\":3,\"amount\":550,\"total\":550}", receipt.get("detail").toString());
        assertEquals(before, supply(A));
        assertEquals(List.of(all.get(3)), list(deltas(A)));

        net.ok(client(A_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f2", A, all.subList(3, 4))));
        assertEquals(before, supply(A));
        assertEquals(0, deltas(A).size());
        assertEquals(beforeC, supply(C), "C's deltas are C's to fold");
        assertEquals(1, deltas(C).size());

        net.issue(A, "platform-a.u3", 9);
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":459,\"balances\":459}]", supply(A));
    }

    @Test
    void aRepeatedFoldRequestIsAReplayThatWritesNothing() {
        final List<JsonNode> all = list(deltas(A));
        final Network.Result first = net.submit(client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, all)));
        final Network.Result again = net.submit(client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, all)));
        assertEquals(ValidationCode.VALID, again.code());
        assertEquals(first.value(), again.value());
        assertTrue(again.tx().privateWrites().isEmpty() && again.tx().event().isEmpty());
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":450,\"balances\":450}]", supply(A));
    }

    @Test
    void badFoldsAreRefusedAndChangeNothing() {
        final List<JsonNode> all = list(deltas(A));
        final JsonNode one = all.get(0);
        final String msg = net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, List.of(one, all.get(1), one))));
        assertTrue(msg.contains("twice"), msg);
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, List.of())));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                "{\"requestId\":\"f1\",\"platformId\":\"platform-a\",\"deltas\":[{\"day\":\"14.3.2025\",\"txId\":\"t\"}]}"));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                "{\"requestId\":\"f1\",\"platformId\":\"platform-a\",\"deltas\":[{\"day\":\"2025-03-14\",\"txId\":\"t\","
                + "\"delta\":5}]}"));
        final List<JsonNode> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(StoredJson.tree(("{\"day\":\"2025-03-14\",\"txId\":\"tx-" + i + "\"}").getBytes(UTF_8)));
        }
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f1", A, tooMany)));

        final JsonNode unknown = StoredJson.tree("{\"day\":\"2025-03-14\",\"txId\":\"tx-nope\"}".getBytes(UTF_8));
        final String notFound = net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, List.of(one, unknown))));
        assertTrue(notFound.contains("'tx-nope'") && notFound.contains("2025-03-14"), notFound);

        // Another platform may not fold A's deltas, nor A fold C's (the conversion's delta in C's collection).
        final JsonNode ofC = deltas(C).get(0);
        final String forbidden = net.fails("FORBIDDEN", client(B_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f1", A, all)));
        assertTrue(forbidden.contains("PlatformBMSP") && forbidden.contains("platform-a"), forbidden);
        net.fails("FORBIDDEN", operator(C_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f1", A, all)));
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f1", C, List.of(ofC))));
        // A fold A's client made but only B and C endorsed fails A's collection policy.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(B_MSP, C_MSP),
                ctx -> net.accounts.foldSupply(ctx, foldReq("f1", A, all))).code());

        assertEquals(all, list(deltas(A)));
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":450,\"balances\":450}]", supply(A));
        // A folded delta is gone: folding it again is refused by name.
        net.ok(client(A_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f2", A, List.of(one))));
        assertTrue(net.fails("NOT_FOUND", client(A_MSP), ctx -> net.accounts.foldSupply(ctx,
                foldReq("f3", A, List.of(one)))).contains(one.get("txId").stringValue()));
    }

    @Test
    void twoConcurrentFoldsOfTheSameDeltasCountThemOnce() {
        final List<JsonNode> all = list(deltas(A));
        // Two gateways of A simulate folds of the same deltas (other request ids) at the same height.
        final SimulatedTransaction one = net.begin(client(A_MSP));
        net.accounts.foldSupply(one.context(), foldReq("g1", A, all));
        final SimulatedTransaction two = net.begin(client(A_MSP));
        net.accounts.foldSupply(two.context(), foldReq("g2", A, all.subList(1, 3)));
        assertEquals(List.of(ValidationCode.VALID, ValidationCode.MVCC_READ_CONFLICT), net.ledger.commitBlock(
                List.of(new Endorsed(one, Set.of(A_MSP)), new Endorsed(two, Set.of(A_MSP)))));
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":450,\"balances\":450}]", supply(A));
        assertEquals(0, deltas(A).size());
    }

    @Test
    void getSupplyDeltasListsAtMostTheFoldLimitOldestFirst() {
        for (int i = 0; i < 205; i++) {
            net.issue(A, "platform-a.u1", 1);
        }
        final List<JsonNode> page = list(deltas(A));
        assertEquals(200, page.size());
        net.ok(client(A_MSP), ctx -> net.accounts.foldSupply(ctx, foldReq("f1", A, page)));
        assertEquals(9, deltas(A).size());
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":655,\"balances\":655}]", supply(A));
    }
}
