package org.pointsnet.chaincode.rogue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.testing.FakeStub;

/**
 * The shim's router, scanning the class path as ChaincodeMain's does, finds the rogue contract next to the genuine
 * ones: the rogue server the end-to-end tests start really serves "rogue:*".
 */
class RogueRoutingTest {
    private static final Instant AT = Instant.parse("2025-03-14T00:00:00Z");
    private static ContractRouter router;

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"--id", "rogue-test:0"});
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
    }

    @Test
    void pingAnswersOnlyOnTheRogueServer() {
        final Response r = router.invoke(new FakeStub("tx-1", AT).nextTx("tx-1", AT, "rogue:Ping").stub());
        assertEquals(200, r.getStatusCode(), r.getMessage());
        assertTrue(r.getStringPayload().startsWith(RogueContract.PING_ANSWER), r.getStringPayload());
    }

    @Test
    void putWritesAnyPublicKeyWithoutAnyCheckAndGetReadsItBack() {
        final FakeStub fake = new FakeStub("tx-1", AT);
        final String value = Base64.getEncoder().encodeToString("{\"platformId\":\"p\",\"mspId\":\"Evil\"}".getBytes(UTF_8));
        final Response put = router.invoke(fake.nextTx("tx-1", AT, "rogue:Put",
                "{\"objectType\":\"platform\",\"attributes\":[\"p\"],\"valueBase64\":\"" + value + "\"}").stub());
        assertEquals(200, put.getStatusCode(), put.getMessage());
        assertEquals("{\"platformId\":\"p\",\"mspId\":\"Evil\"}",
                new String(fake.state().get(new CompositeKey("platform", "p").toString()), UTF_8));

        final Response get = router.invoke(fake.nextTx("tx-2", AT, "rogue:Get",
                "{\"objectType\":\"platform\",\"attributes\":[\"p\"]}").stub());
        assertEquals(value, get.getStringPayload());
    }

    @Test
    void emitSetsAnyEventAndWritesTheKey() {
        final FakeStub fake = new FakeStub("tx-1", AT);
        final byte[] payload = "{\"postings\":[{\"delta\":\"lots\"}]}".getBytes(UTF_8);
        final Response r = router.invoke(fake.nextTx("tx-1", AT, "rogue:Emit",
                "{\"objectType\":\"poison\",\"attributes\":[\"1\"],\"eventName\":\"Receipt\",\"eventPayloadBase64\":\""
                        + Base64.getEncoder().encodeToString(payload) + "\"}").stub());
        assertEquals(200, r.getStatusCode(), r.getMessage());
        assertEquals(1, fake.events().size());
        assertEquals("Receipt", fake.events().get(0).name());
        assertArrayEquals(payload, fake.events().get(0).payload());
        assertTrue(fake.state().containsKey(new CompositeKey("poison", "1").toString()));
    }
}
