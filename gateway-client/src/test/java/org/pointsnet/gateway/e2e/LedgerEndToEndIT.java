package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pointsnet.gateway.e2e.LedgerCalls.evaluate;
import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.runConcurrently;
import static org.pointsnet.gateway.e2e.LedgerCalls.submit;
import static org.pointsnet.gateway.e2e.LedgerCalls.submitUntilNoConflict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.e2e.LedgerCalls.Attempts;
import org.pointsnet.gateway.e2e.LedgerCalls.Outcome;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;

/**
 * The points ledger through real peers: endorsement by both platforms of a conversion, validation-time rejection of
 * under-endorsed writes, authorization, idempotency, and conflict behaviour under concurrency. Talks to the
 * chaincode through fabric-gateway directly (not the REST API) so a test can choose the endorsing orgs.
 */
@Tag("network")
class LedgerEndToEndIT {

    private static final String A = "platform-a";
    private static final String B = "platform-b";
    private static final String C = "platform-c";
    private static final List<String> PLATFORMS = List.of(A, B, C);
    private static final Duration PEERS_CATCH_UP = Duration.ofSeconds(15);
    private static final String CHANNEL = "points";
    /** Each test uses its own users, so a re-run against the same network starts from zero balances. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static final LedgerNetwork NETWORK = LedgerNetwork.fromSystemProperty();
    private static final Map<String, FabricConnection> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, FabricConnection> ADMINS = new ConcurrentHashMap<>();

    @BeforeAll
    static void registerPlatforms() {
        for (final String platform : PLATFORMS) {
            CLIENTS.put(platform, NETWORK.connect(platform, Role.CLIENT));
            ADMINS.put(platform, NETWORK.connect(platform, Role.OPERATOR));
        }
        // Fixed request ids: on a network where they are registered already, Register replays its first receipt.
        register(A);
        register(B);
        register(C);
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(FabricConnection::close);
        ADMINS.values().forEach(FabricConnection::close);
    }

    private static void register(final String platform) {
        LedgerCalls.registerPlatform(ADMINS.get(platform), platform);
    }

    @Test
    void conversionCommitsWithBothPlatformsAndEveryPeerShowsTheNewBalances() {
        final String user = A + ".conv-" + RUN;
        issue(A, user, 1_000);
        final JsonNode quote = evaluate(CLIENTS.get(A), "conversion:Quote",
            json("fromPlatformId", A, "toPlatformId", B, "amount", 300));
        final long amountOut = quote.path("amountOut").asLong();
        assertEquals(150 - quote.path("fee").asLong(), amountOut, "rate 0.01/0.02 = 0.5, floored, minus fee: " + quote);

        final Outcome converted = submit(CLIENTS.get(A), "conversion:Convert",
            json("requestId", "convert-" + user, "userId", user, "fromPlatformId", A, "toPlatformId", B, "amount", 300));
        converted.requireValid("conversion");
        final JsonNode receipt = converted.json();
        assertEquals("CONVERT", receipt.path("type").asString());
        assertEquals(-300, posting(receipt, A, user), receipt.toString());
        assertEquals(amountOut, posting(receipt, B, user), "quote equals the executed conversion: " + receipt);

        for (final String platform : PLATFORMS) {
            assertBalances(platform, user, Map.of(A, 700L, B, amountOut));
        }
    }

    @Test
    void conversionEndorsedBySourcePlatformAloneFailsValidationAndChangesNothing() {
        final String user = A + ".alone-" + RUN;
        issue(A, user, 500);
        final Outcome outcome = submit(CLIENTS.get(A), "conversion:Convert",
            json("requestId", "alone-" + user, "userId", user, "fromPlatformId", A, "toPlatformId", B, "amount", 100),
            NETWORK.mspId(A));
        assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, outcome.code(), outcome.toString());
        for (final String platform : PLATFORMS) {
            assertBalances(platform, user, Map.of(A, 500L));
        }
    }

    @Test
    void anotherPlatformCanNeitherIssueNorCoEndorseWritesToPlatformAccounts() {
        final String user = A + ".foreign-" + RUN;
        // The chaincode refuses platform-b's client acting for platform-a: nothing reaches the orderer.
        final Outcome issue = submit(CLIENTS.get(B), "account:Issue",
            json("requestId", "foreign-issue-" + user, "platformId", A, "userId", user, "amount", 100, "reason", "e2e"));
        assertTrue(issue.endorsementError().contains("FORBIDDEN"), issue.toString());
        final Outcome burn = submit(CLIENTS.get(B), "account:Burn",
            json("requestId", "foreign-burn-" + user, "platformId", A, "userId", user, "amount", 1, "reason", "e2e"));
        assertTrue(burn.endorsementError().contains("FORBIDDEN"), burn.toString());

        // A conversion B→A credits a platform-a account; endorsed by B and C only, validation rejects it.
        issue(B, user, 400);
        final Outcome coalition = submit(CLIENTS.get(B), "conversion:Convert",
            json("requestId", "coalition-" + user, "userId", user, "fromPlatformId", B, "toPlatformId", A, "amount", 100),
            NETWORK.mspId(B), NETWORK.mspId(C));
        assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, coalition.code(), coalition.toString());
        for (final String platform : PLATFORMS) {
            assertBalances(platform, user, Map.of(B, 400L));
        }
    }

    @Test
    void platformAdminFunctionsNeedTheOperatorRoleNotTheOrgsAdmin() {
        final String reward = json("requestId", "role-reward-" + RUN, "platformId", A, "rewardId", "role-" + RUN,
            "name", "Role", "points", 1, "stock", 1);
        // The org's gateway client (User1) and its channel and lifecycle admin (Admin@) carry no operator role.
        for (final Role role : List.of(Role.CLIENT, Role.ADMIN)) {
            try (FabricConnection identity = NETWORK.connect(A, role)) {
                final Outcome put = submit(identity, "reward:PutReward", reward);
                assertTrue(put.code() == null && put.endorsementError().contains("FORBIDDEN")
                    && put.endorsementError().contains("pointsnet.role=operator"), role + ": " + put);
                final Outcome register = submit(identity, "platform:Register",
                    LedgerCalls.registrationRequest(A, "e2e-register-" + A));
                assertTrue(register.code() == null && register.endorsementError().contains("FORBIDDEN"),
                    role + ": " + register);
            }
        }
        // The org's operator (Operator@, a client certificate with the role) may.
        submit(ADMINS.get(A), "reward:PutReward", reward).requireValid("the operator adding a reward");
    }

    @Test
    void theSameRequestIdTwiceHasOneEffectAndOneReceipt() {
        final String user = LedgerCalls.registerUser(CLIENTS.get(A), A + ".idem-" + RUN);
        final String request = json("requestId", "idem-" + user, "platformId", A, "userId", user, "amount", 250,
            "reason", "e2e");
        final Outcome first = submit(CLIENTS.get(A), "account:Issue", request);
        final Outcome second = submit(CLIENTS.get(A), "account:Issue", request);
        first.requireValid("first issue");
        second.requireValid("repeated issue");
        assertArrayEquals(first.result(), second.result(), "the repeat returns the first receipt");
        assertBalances(A, user, Map.of(A, 250L));
    }

    @Test
    void concurrentConversionsOfDifferentUsersDoNotConflictWithoutPairLimitAndRarelyWithOne() throws Exception {
        final int users = 200;
        final List<String> free = new ArrayList<>();
        final List<String> limited = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            free.add(A + ".free-" + RUN + "-" + i);
            limited.add(A + ".limited-" + RUN + "-" + i);
        }
        runConcurrently(free, u -> issue(A, u, 100));
        runConcurrently(limited, u -> issue(C, u, 100));
        // A binding-capable pair limit on C→B: finite and enforced through the quota shards, larger than the run.
        submit(ADMINS.get(C), "conversion:SetLimits", json("requestId", "limits-" + RUN, "platformId", C,
            "pairDailyLimits", List.of(Map.of("toPlatformId", B, "dailyLimit", 1_000_000_000L))))
            .requireValid("setting C's pair limit");

        final Conflicts noLimit = convertAll(A, B, free);
        final Conflicts withLimit = convertAll(C, B, limited);
        System.out.printf("conversions: %d users A→B (no pair limit): %d attempts, %d conflicts; "
                + "%d users C→B (pair limit): %d attempts, %d conflicts (%.1f%%)%n",
            users, noLimit.attempts(), noLimit.conflicts(), users, withLimit.attempts(), withLimit.conflicts(),
            100.0 * withLimit.conflicts() / withLimit.attempts());
        assertEquals(users, noLimit.committed(), "every conversion committed for its caller: " + noLimit);
        assertEquals(users, withLimit.committed(), "every conversion committed for its caller: " + withLimit);
        assertEquals(0, noLimit.conflicts(), "no MVCC or phantom conflicts without a pair limit: " + noLimit);
        assertTrue(withLimit.conflicts() < 0.05 * withLimit.attempts(), "conflicts under 5% of attempts: " + withLimit);
    }

    @Test
    void fiftyConcurrentRedemptionsOfTwentyInStockSellExactlyTwenty() throws Exception {
        final String reward = "mug-" + RUN;
        submit(ADMINS.get(A), "reward:PutReward", json("requestId", "reward-" + reward, "platformId", A,
            "rewardId", reward, "name", "Mug", "points", 40, "stock", 20)).requireValid("adding the reward");
        final List<String> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(A + ".redeem-" + RUN + "-" + i);
        }
        runConcurrently(users, u -> issue(A, u, 100));

        final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        runConcurrently(users, u -> outcomes.put(u, submitUntilNoConflict(CLIENTS.get(A), "reward:Redeem",
            json("requestId", "redeem-" + u, "platformId", A, "userId", u, "rewardId", reward, "quantity", 1)).outcome()));

        final List<String> redeemed = users.stream().filter(u -> outcomes.get(u).code() == TxValidationCode.VALID).toList();
        final List<String> refused = users.stream()
            .filter(u -> outcomes.get(u).endorsementError().contains("REWARD_UNAVAILABLE")).toList();
        assertEquals(20, redeemed.size(), "exactly the stock is sold: " + outcomes);
        assertEquals(30, refused.size(), "everyone else gets REWARD_UNAVAILABLE: " + outcomes);
        for (final String u : users) {
            assertBalances(A, u, Map.of(A, redeemed.contains(u) ? 60L : 100L));
        }
    }

    // --- conversions under concurrency ----------------------------------------------------------------------------

    private record Conflicts(int committed, int attempts, int conflicts, List<String> failures) {
    }

    private static Conflicts convertAll(final String from, final String to, final List<String> users) throws Exception {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        runConcurrently(users, u -> {
            final Attempts result = submitUntilNoConflict(CLIENTS.get(from), "conversion:Convert", json(
                "requestId", "pair-" + u, "userId", u, "fromPlatformId", from, "toPlatformId", to, "amount", 10));
            attempts.addAndGet(result.attempts());
            conflicts.addAndGet(result.attempts() - 1);
            if (result.outcome().code() == TxValidationCode.VALID) {
                committed.incrementAndGet();
            } else {
                failures.add(u + ": " + result.outcome());
            }
        });
        return new Conflicts(committed.get(), attempts.get(), conflicts.get(), List.copyOf(failures));
    }



    // --- ledger access ---------------------------------------------------------------------------------------------

    private static void issue(final String platform, final String user, final long amount) {
        LedgerCalls.registerUser(CLIENTS.get(LedgerCalls.owner(user)), user);
        final String request = json("requestId", "issue-" + platform + "-" + user, "platformId", platform, "userId",
            user, "amount", amount, "reason", "e2e");
        Outcome issued = submit(CLIENTS.get(platform), "account:Issue", request);
        // Another platform's peer knows the user once it has committed the registration's block (the register call
        // waited for the owner's peer only): until then it refuses the credit with USER_NOT_FOUND.
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (issued.code() == null && issued.endorsementError().contains("USER_NOT_FOUND")
            && System.nanoTime() < deadline) {
            sleep(250);
            issued = submit(CLIENTS.get(platform), "account:Issue", request);
        }
        issued.requireValid("issuing " + amount + " on " + platform + " to " + user);
        // The commit status came from the issuing platform's peer; a transaction endorsed next by another peer must
        // find the credit there too, so wait until every peer has committed its block.
        PeerHeights.awaitInSync(CLIENTS, CHANNEL);
    }




    /** The user's balances as {@code platform}'s own peer sees them, polled while that peer catches up. */
    private static void assertBalances(final String platform, final String user, final Map<String, Long> expected) {
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        Map<String, Long> seen;
        while (true) {
            seen = balances(platform, user);
            if (seen.equals(expected) || System.nanoTime() > deadline) {
                break;
            }
            sleep(250);
        }
        assertEquals(expected, seen, "balances of " + user + " on the peer of " + platform);
    }

    private static Map<String, Long> balances(final String platform, final String user) {
        final JsonNode answer = evaluate(CLIENTS.get(platform), "account:GetBalances", json("userId", user));
        final Map<String, Long> balances = new java.util.TreeMap<>();
        for (final JsonNode balance : answer.path("balances")) {
            if (balance.path("balance").asLong() != 0) {
                balances.put(balance.path("platformId").asString(), balance.path("balance").asLong());
            }
        }
        return balances;
    }

    private static long posting(final JsonNode receipt, final String platform, final String user) {
        for (final JsonNode posting : receipt.path("postings")) {
            if (platform.equals(posting.path("platformId").asString()) && user.equals(posting.path("userId").asString())) {
                return posting.path("delta").asLong();
            }
        }
        return fail("no posting for " + user + " on " + platform + " in " + receipt);
    }


    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
