package org.pointsnet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON each request record becomes is exactly what the chaincode's strict reader expects (docs/ledger.md). */
class LedgerRequestTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static String json(final LedgerRequest request) {
        return JSON.writeValueAsString(request);
    }

    @Test
    void everyFunctionHasARequestShape() {
        for (final LedgerFunction function : LedgerFunction.values()) {
            assertTrue(LedgerRequest.class.isAssignableFrom(LedgerRequest.typeOf(function)), function.toString());
        }
    }

    @Test
    void membersFollowTheComponentsAndAbsentOptionalsAreLeftOut() {
        assertEquals("{}", json(new LedgerRequest.NoArguments()));
        assertEquals("{}", json(new LedgerRequest.OfPlatform(null)));
        assertEquals("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"userId\":\"u1\",\"amount\":100,"
                + "\"reason\":\"signup\"}", json(new LedgerRequest.IssueOrBurn("k1", "platform-a", "u1", 100, "signup")));
        assertEquals("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"userId\":\"u1\",\"amount\":1}",
                json(new LedgerRequest.IssueOrBurn("k1", "platform-a", "u1", 1, null)));
        assertEquals("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"name\":\"A\",\"symbol\":\"PTA\","
                + "\"decimals\":2,\"unitValue\":\"0.01\",\"currency\":\"CNY\",\"timeZone\":\"UTC\"}",
                json(new LedgerRequest.RegisterPlatform("k1", "platform-a", "A", "PTA", 2, "0.01", "CNY", null, null,
                        "UTC", null)));
        assertEquals("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"maxPerTransaction\":500,"
                + "\"pairDailyLimits\":[{\"toPlatformId\":\"platform-b\",\"dailyLimit\":9000}]}",
                json(new LedgerRequest.SetLimits("k1", "platform-a", 500L, null,
                        List.of(new LedgerRequest.PairLimit("platform-b", 9000)))));
        assertEquals("{\"requestId\":\"k1\",\"platformId\":\"platform-a\",\"pairDailyLimits\":[]}",
                json(new LedgerRequest.SetLimits("k1", "platform-a", null, null, List.of())));
        assertEquals("{\"userId\":\"u1\",\"limit\":50}", json(new LedgerRequest.History("u1", 50L, null, null)));
        assertEquals("{\"userId\":\"u1\",\"limit\":50,\"platformId\":\"platform-a\"}",
                json(new LedgerRequest.History("u1", 50L, null, "platform-a")));
        assertEquals("{\"userId\":\"u1\",\"platformId\":\"platform-a\"}",
                json(new LedgerRequest.Balances("u1", null, "platform-a")));
        assertEquals("{\"requestId\":\"k1\",\"userId\":\"u1\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":"
                + "\"platform-b\",\"amount\":300,\"toUserId\":\"u9\",\"minAmountOut\":140}",
                json(new LedgerRequest.Convert("k1", "u1", "platform-a", "platform-b", 300, "u9", 140L)));
    }
}
