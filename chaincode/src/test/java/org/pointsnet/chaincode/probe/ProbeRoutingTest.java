package org.pointsnet.chaincode.probe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.testing.FakeStub;

/** Calls go through the shim's real router, so function names and error responses are what a peer would see. */
class ProbeRoutingTest {
    private static final Instant TX_TIME = Instant.parse("2025-03-14T09:26:53Z");
    private static ContractRouter router;

    private FakeStub fake;

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"--id", "probe-test:0"});
        // Scans the class path for contracts, then "starts" a server that does nothing.
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
    }

    @BeforeEach
    void newLedger() {
        fake = new FakeStub("tx-0", TX_TIME);
    }

    private Response call(final String txId, final String... functionAndArgs) {
        return router.invoke(fake.nextTx(txId, TX_TIME, functionAndArgs).stub());
    }

    @Test
    void qualifiedNamesRoute() {
        final Response put = call("tx-1", "probe:PutValue", "k", "v");
        assertEquals(200, put.getStatusCode(), put.getMessage());
        assertEquals(
                "{\"key\":\"k\",\"value\":\"v\",\"txId\":\"tx-1\",\"timestamp\":\"2025-03-14T09:26:53Z\"}",
                put.getStringPayload());

        final Response get = call("tx-2", "probe:GetValue", "k");
        assertEquals(200, get.getStatusCode(), get.getMessage());
        assertEquals("{\"key\":\"k\",\"value\":\"v\"}", get.getStringPayload());
    }

    @Test
    void plainNamesRouteToTheDefaultContract() {
        assertEquals(200, call("tx-1", "PutValue", "k", "v").getStatusCode());

        final Response get = call("tx-2", "GetValue", "k");
        assertEquals(200, get.getStatusCode(), get.getMessage());
        assertEquals("{\"key\":\"k\",\"value\":\"v\"}", get.getStringPayload());
    }

    @Test
    void notFoundReachesTheClientAsMessageAndPayload() {
        final Response get = call("tx-1", "probe:GetValue", "missing");

        assertEquals(500, get.getStatusCode());
        assertEquals("NOT_FOUND: key 'missing' has no value", get.getMessage());
        assertArrayEquals("NOT_FOUND".getBytes(UTF_8), get.getPayload());
    }

    @Test
    void validationFailureReachesTheClientAsMessageAndPayload() {
        final Response put = call("tx-1", "probe:PutValue", "bad key", "v");

        assertEquals(500, put.getStatusCode());
        assertEquals("VALIDATION_FAILED: key 'bad key' must be 1..64 characters of [A-Za-z0-9._-]", put.getMessage());
        assertArrayEquals("VALIDATION_FAILED".getBytes(UTF_8), put.getPayload());
        assertEquals(0, fake.state().size());
    }

    @Test
    void unknownFunctionFails() {
        assertEquals(500, call("tx-1", "probe:DeleteValue", "k").getStatusCode());
    }
}
