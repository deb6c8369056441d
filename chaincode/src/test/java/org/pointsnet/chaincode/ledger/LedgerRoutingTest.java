package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.chaincode.testing.FakeStub;

/** The shim's real router finds every ledger function by its qualified name and returns our error codes. */
class LedgerRoutingTest {
    private static ContractRouter router;

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"--id", "ledger-test:0"});
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
    }

    @ParameterizedTest
    @EnumSource(LedgerFunction.class)
    void everyFunctionOfTheContractRoutesAndRefusesAMalformedRequest(final LedgerFunction function) {
        final FakeStub fake = new FakeStub("tx-1", Instant.parse("2025-03-14T00:00:00Z"));
        final Response r = router.invoke(fake.nextTx("tx-1", Instant.parse("2025-03-14T00:00:00Z"), function.qualifiedName(),
                "{\"unexpected\":1}").stub());

        assertEquals(500, r.getStatusCode());
        assertTrue(r.getMessage().startsWith("VALIDATION_FAILED: unknown field 'unexpected' in "), r.getMessage());
        assertArrayEquals("VALIDATION_FAILED".getBytes(UTF_8), r.getPayload());
        assertTrue(fake.state().isEmpty());
    }

    @Test
    void unknownFunctionFails() {
        final FakeStub fake = new FakeStub("tx-1", Instant.parse("2025-03-14T00:00:00Z"));
        assertEquals(500, router.invoke(fake.nextTx("tx-1", Instant.parse("2025-03-14T00:00:00Z"), "account:Mint",
                "{}").stub()).getStatusCode());
    }
}
