package org.pointsnet.chaincode.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.testing.Endorsed;
import org.pointsnet.chaincode.testing.SimulatedTransaction;
import org.pointsnet.chaincode.testing.ValidationCode;

/**
 * Many clients at once: every pending request is simulated against the same committed state, the orderer cuts blocks
 * of {@link #BLOCK} in an interleaved order, and requests whose transaction was invalidated by a conflict are
 * simulated again (as a gateway retries), until every request succeeded or failed in the contract.
 */
class ConcurrencyTest {
    private static final int BLOCK = 10;
    private final Network net = new Network();

    /** Outcome of running a set of requests to completion. */
    private record Run(int committed, List<String> errors, int conflicts, int firstRoundConflicts, int rounds) {}

    @BeforeEach
    void platforms() {
        net.withPlatforms();
    }

    private Run runAll(final List<Function<Context, String>> requests, final Set<String> endorsers) {
        List<Function<Context, String>> pending = requests;
        int committed = 0;
        int conflicts = 0;
        int firstRound = -1;
        int rounds = 0;
        final List<String> errors = new ArrayList<>();
        while (!pending.isEmpty()) {
            rounds++;
            final List<Endorsed> simulated = new ArrayList<>();
            final List<Function<Context, String>> simulatedRequests = new ArrayList<>();
            for (final Function<Context, String> request : pending) {
                final SimulatedTransaction tx = net.begin(client(A_MSP));
                try {
                    request.apply(tx.context());
                    simulated.add(new Endorsed(tx, endorsers));
                    simulatedRequests.add(request);
                } catch (ChaincodeException e) {
                    errors.add(new String(e.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            // Interleave: even positions first, then odd, so neighbours rarely share a block.
            final List<Integer> order = new ArrayList<>();
            for (int i = 0; i < simulated.size(); i += 2) {
                order.add(i);
            }
            for (int i = 1; i < simulated.size(); i += 2) {
                order.add(i);
            }
            final List<Function<Context, String>> retry = new ArrayList<>();
            int roundConflicts = 0;
            for (int from = 0; from < order.size(); from += BLOCK) {
                final List<Integer> block = order.subList(from, Math.min(order.size(), from + BLOCK));
                final List<ValidationCode> codes = net.ledger.commitBlock(block.stream().map(simulated::get).toList());
                for (int k = 0; k < codes.size(); k++) {
                    if (codes.get(k) == ValidationCode.VALID) {
                        committed++;
                    } else {
                        assertTrue(codes.get(k) == ValidationCode.MVCC_READ_CONFLICT
                                || codes.get(k) == ValidationCode.PHANTOM_READ_CONFLICT, codes.get(k).toString());
                        roundConflicts++;
                        retry.add(simulatedRequests.get(block.get(k)));
                    }
                }
            }
            conflicts += roundConflicts;
            if (firstRound < 0) {
                firstRound = roundConflicts;
            }
            pending = retry;
        }
        return new Run(committed, errors, conflicts, firstRound, rounds);
    }

    @Test
    void fiftyRedemptionsOfTwentyInStockSellExactlyTwenty() {
        net.ok(operator(A_MSP), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"p\",\"platformId\":\"platform-a\","
                + "\"rewardId\":\"hot\",\"name\":\"Hot item\",\"points\":100,\"stock\":20}"));
        final List<Function<Context, String>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            net.issue(A, "platform-a.u" + i, 100);
            final String body = "{\"requestId\":\"r" + i + "\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u" + i
                    + "\",\"rewardId\":\"hot\",\"quantity\":1}";
            requests.add(ctx -> net.rewards.redeem(ctx, body));
        }
        final Run run = runAll(requests, Set.of(A_MSP));

        assertEquals(20, run.committed());
        assertEquals(30, run.errors().size());
        assertTrue(run.errors().stream().allMatch("REWARD_UNAVAILABLE"::equals), run.errors().toString());
        assertTrue(net.query(ctx -> net.rewards.listRewards(ctx, "{\"platformId\":\"platform-a\"}"))
                .contains("\"stock\":0,"));
        assertEquals("[{\"platformId\":\"platform-a\",\"supply\":3000,\"balances\":3000}]",
                net.query(ctx -> net.accounts.auditSupply(ctx, "{\"platformId\":\"platform-a\"}")));
        System.out.printf("redemptions: 50 requests, stock 20: %d committed, %d REWARD_UNAVAILABLE, %d conflicts"
                + " (%d in the first round), %d rounds%n", run.committed(), run.errors().size(), run.conflicts(),
                run.firstRoundConflicts(), run.rounds());
    }

    private List<Function<Context, String>> conversions(final int users, final long amount) {
        final List<Function<Context, String>> requests = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            net.issue(A, "platform-a.u" + i, amount);
            final String body = "{\"requestId\":\"c" + i + "\",\"userId\":\"platform-a.u" + i + "\",\"fromPlatformId\":"
                    + "\"platform-a\",\"toPlatformId\":\"platform-c\",\"amount\":" + amount + "}";
            requests.add(ctx -> net.conversions.convert(ctx, body));
        }
        return requests;
    }

    @Test
    void conversionsOfDifferentUsersWithoutPairLimitNeverConflict() {
        // A fee on every conversion into C: the fee account must not become a shared key.
        net.ok(operator(C_MSP), ctx -> net.conversions.setFeeRule(ctx, "{\"requestId\":\"f\",\"platformId\":"
                + "\"platform-c\",\"basisPoints\":100,\"minFee\":1,\"maxFee\":100}"));
        final Run run = runAll(conversions(60, 100), Set.of(A_MSP, C_MSP));

        assertEquals(60, run.committed());
        assertEquals(0, run.conflicts());
        assertEquals(1, run.rounds());
        assertTrue(net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"fee\"}"))
                .contains("{\"platformId\":\"platform-c\",\"balance\":120,"));
    }

    @Test
    void pairLimitIsNeverExceededAndConflictsAreCounted() {
        net.ok(operator(A_MSP), ctx -> net.conversions.setLimits(ctx, "{\"requestId\":\"l\",\"platformId\":"
                + "\"platform-a\",\"pairDailyLimits\":[{\"toPlatformId\":\"platform-c\",\"dailyLimit\":4000}]}"));
        net.now = net.now.plus(java.time.Duration.ofDays(1)); // pair limits apply from the next local day
        final Run run = runAll(conversions(60, 100), Set.of(A_MSP, C_MSP));

        assertEquals(40, run.committed(), "4000 of quota / 100 per conversion");
        assertEquals(20, run.errors().size());
        assertTrue(run.errors().stream().allMatch("LIMIT_EXCEEDED"::equals), run.errors().toString());
        long converted = 0;
        for (int i = 0; i < 60; i++) {
            converted += net.balance(C, "platform-a.u" + i);
        }
        assertEquals(5000, converted); // 40 × 125
        System.out.printf("pair limit 4000, 60 users × 100: %d committed, %d LIMIT_EXCEEDED, %d conflicts"
                + " (%d of 60 in the first round = %.0f %%), %d rounds%n", run.committed(), run.errors().size(),
                run.conflicts(), run.firstRoundConflicts(), 100.0 * run.firstRoundConflicts() / 60, run.rounds());
    }

    @Test
    void pairLimitWithAmpleQuotaConflictsOnlyWhereUsersShareAShard() {
        net.ok(operator(A_MSP), ctx -> net.conversions.setLimits(ctx, "{\"requestId\":\"l\",\"platformId\":"
                + "\"platform-a\",\"pairDailyLimits\":[{\"toPlatformId\":\"platform-c\",\"dailyLimit\":1000000}]}"));
        net.now = net.now.plus(java.time.Duration.ofDays(1));
        final Run run = runAll(conversions(60, 100), Set.of(A_MSP, C_MSP));

        assertEquals(60, run.committed());
        // 60 users over 16 shards: at most 16 can win in a round; far fewer conflicts than one shared counter (59).
        assertTrue(run.firstRoundConflicts() <= 60 - 16 && run.firstRoundConflicts() < 59,
                "first-round conflicts " + run.firstRoundConflicts());
        System.out.printf("pair limit 10^6, 60 users: %d conflicts (%d of 60 in the first round = %.0f %%), %d rounds%n",
                run.conflicts(), run.firstRoundConflicts(), 100.0 * run.firstRoundConflicts() / 60, run.rounds());
    }
}
