package org.pointsnet.chaincode.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RewardContractTest {
    private final Network net = new Network();

    @BeforeEach
    void platforms() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 10_000);
    }

    private void putReward(final String requestId, final long stock, final String extra) {
        net.ok(operator(A_MSP), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"" + requestId + "\",\"platformId\":"
                + "\"platform-a\",\"rewardId\":\"coupon_10\",\"name\":\"10 CNY coupon\",\"points\":1000,\"stock\":"
                + stock + extra + "}"));
    }

    private static String redeemReq(final String requestId, final String userId, final long quantity) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"platform-a\",\"userId\":\"" + userId
                + "\",\"rewardId\":\"coupon_10\",\"quantity\":" + quantity + "}";
    }

    @Test
    void redeemDebitsTakesStockAndRecords() {
        putReward("p1", 3, "");
        final Network.Result r = net.submit(client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r1", "platform-a.u1", 2)));
        assertEquals(8_000, net.balance(A, "platform-a.u1"));
        assertTrue(Network.eventPayload(r.tx()).contains("\"type\":\"REDEEM\"") && Network.eventPayload(r.tx())
                .contains("\"postings\":[{\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"delta\":-2000}]"));
        assertEquals("[{\"platformId\":\"platform-a\",\"rewardId\":\"coupon_10\",\"name\":\"10 CNY coupon\","
                + "\"points\":1000,\"stock\":1,\"version\":1}]",
                net.query(ctx -> net.rewards.listRewards(ctx, "{\"platformId\":\"platform-a\"}")));
        final String msg = net.fails("REWARD_UNAVAILABLE", client(A_MSP), ctx -> net.rewards.redeem(ctx,
                redeemReq("r2", "platform-a.u1", 2)));
        assertTrue(msg.contains("'coupon_10'") && msg.contains("'platform-a'"), msg);
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":8000,\"balances\":8000}]",
                net.query(ctx -> net.accounts.auditSupply(ctx, "{\"platformId\":\"platform-a\"}")));
    }

    @Test
    void catalogIsTheAdminsAndRedemptionTheOwnClients() {
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"p\",\"platformId\":"
                + "\"platform-a\",\"rewardId\":\"x\",\"name\":\"x\",\"points\":1,\"stock\":1}"));
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"p\",\"platformId\":"
                + "\"platform-a\",\"rewardId\":\"x\",\"name\":\"x\",\"points\":1,\"stock\":1}"));
        putReward("p1", 3, "");
        net.fails("FORBIDDEN", client(B_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r1", "platform-a.u1", 1)));
    }

    @Test
    void perUserLimitWindowAndBalanceAreEnforced() {
        putReward("p1", 100, ",\"perUserLimit\":2,\"activeFrom\":\"2025-03-14T00:00:00Z\","
                + "\"activeUntil\":\"2025-03-15T00:00:00Z\"");
        net.ok(client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r1", "platform-a.u1", 2)));
        final String msg = net.fails("LIMIT_EXCEEDED", client(A_MSP), ctx -> net.rewards.redeem(ctx,
                redeemReq("r2", "platform-a.u1", 1)));
        assertTrue(msg.contains("'platform-a.u1'") && msg.contains("'coupon_10'"), msg);
        net.issue(A, "platform-a.u2", 1500);
        net.fails("INSUFFICIENT_BALANCE", client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r3", "platform-a.u2", 2)));
        net.now = java.time.Instant.parse("2025-03-15T00:00:00Z").minusSeconds(1);
        net.fails("REWARD_UNAVAILABLE", client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r4", "platform-a.u2", 1)));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r5", "platform-a.u2", 1)
                .replace("coupon_10", "nothing")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r6", "platform-a.u2", 0)));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"p\","
                + "\"platformId\":\"platform-a\",\"rewardId\":\"x\",\"name\":\"x\",\"points\":1,\"stock\":1,"
                + "\"activeFrom\":\"tomorrow\"}"));
    }

    @Test
    void putRewardResetsTheStock() {
        putReward("p1", 1, "");
        net.ok(client(A_MSP), ctx -> net.rewards.redeem(ctx, redeemReq("r1", "platform-a.u1", 1)));
        putReward("p2", 5, "");
        assertTrue(net.query(ctx -> net.rewards.listRewards(ctx, "{\"platformId\":\"platform-a\"}"))
                .contains("\"stock\":5,\"version\":2"));
    }
}
