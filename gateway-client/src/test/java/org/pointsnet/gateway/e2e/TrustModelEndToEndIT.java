package org.pointsnet.gateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.LedgerCalls.evaluate;
import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.registrationRequest;
import static org.pointsnet.gateway.e2e.LedgerCalls.submitUntilNoConflict;
import static org.pointsnet.gateway.e2e.LedgerCalls.tryEvaluate;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.pointsnet.gateway.e2e.LedgerCalls.Evaluation;
import org.pointsnet.gateway.e2e.LedgerCalls.Outcome;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.e2e.RogueCalls.LedgerKey;
import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;

/**
 * The trust model (docs/ledger.md) against members that lie: a member may run any code on its own chaincode server
 * and return any read/write set and event from its own peer. Each test swaps one or more orgs' genuine chaincode
 * servers for the rogue one ({@link RogueChaincode}), attacks another platform through real peers, and checks that
 * only the endorsement policies and the victim's genuine chaincode decide: the attack changes nothing, and state,
 * supply and every gateway's projection stay as they were.
 *
 * <p>Ordered because on a chaincode without these defences some attacks leave damage behind that no test can undo
 * (a malformed event stops every projection for good), so those run last; each test repairs what it can in a finally
 * block, and every rogue server is replaced by the genuine one before the test ends.
 */
@Tag("network")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustModelEndToEndIT {

    private static final String A = "platform-a";
    private static final String B = "platform-b";
    private static final String C = "platform-c";
    private static final List<String> PLATFORMS = List.of(A, B, C);
    private static final String CURRENCY = "CNY";
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration PROJECTION_CATCH_UP = Duration.ofSeconds(30);

    private static final LedgerNetwork NETWORK = LedgerNetwork.fromSystemProperty();
    private static final Map<String, FabricConnection> CLIENTS = new LinkedHashMap<>();
    private static final Map<String, FabricConnection> ADMINS = new LinkedHashMap<>();

    @BeforeAll
    static void connect() {
        for (final String platform : PLATFORMS) {
            CLIENTS.put(platform, NETWORK.connect(platform, Role.CLIENT));
            ADMINS.put(platform, NETWORK.connect(platform, Role.OPERATOR));
        }
        // Fixed request ids: on a network where they are registered already, Register replays its first receipt.
        PLATFORMS.forEach(platform -> LedgerCalls.registerPlatform(ADMINS.get(platform), platform));
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(FabricConnection::close);
        ADMINS.values().forEach(FabricConnection::close);
    }

    // --- (3) claiming a platform id nobody registered yet ----------------------------------------------------------

    @Test
    @Order(1)
    void anotherOrgCannotRegisterAPlatformIdBeforeItsOwnerDoes() throws Exception {
        // `up` registers every platform on 'points'; a fresh channel has none registered yet.
        final String channel = "onboard" + RUN;
        NetworkStatus.runScript(300, "channel", "create", channel);
        final Map<String, Long> supplies = supplies(C);
        try (FabricConnection aAdmin = NETWORK.connect(A, Role.OPERATOR, channel);
             FabricConnection bAdmin = NETWORK.connect(B, Role.OPERATOR, channel);
             FabricConnection cAdmin = NETWORK.connect(C, Role.OPERATOR, channel)) {
            final Map<String, FabricConnection> peers = Map.of(msp(A), aAdmin, msp(B), bAdmin, msp(C), cAdmin);
            final Outcome claim;
            try (RogueChaincode rogue = RogueChaincode.swapIn(B)) {
                claim = submitUntilNoConflict(bAdmin, "platform:Register", registrationRequest(C, "claim-" + RUN),
                    msp(B), msp(C)).outcome();
            }
            PeerHeights.awaitInSync(peers, channel);
            final Evaluation afterClaim = tryEvaluate(cAdmin, "platform:Get", json("platformId", C), msp(C));
            final Outcome honest = submitUntilNoConflict(cAdmin, "platform:Register",
                registrationRequest(C, "onboard-" + RUN), msp(C), msp(A)).outcome();
            PeerHeights.awaitInSync(peers, channel);
            final Evaluation afterHonest = tryEvaluate(cAdmin, "platform:Get", json("platformId", C), msp(C));

            assertAll("B's admin registers platform-c under " + msp(B) + " on fresh channel " + channel
                    + ", endorsed by B (rogue) and C (genuine)",
                () -> assertNotEquals(TxValidationCode.VALID, claim.code(),
                    "B's registration of platform-c committed: " + claim),
                () -> assertTrue(refusal(claim, msp(C)).isPresent(),
                    "C's genuine chaincode did not refuse to endorse B's registration of platform-c: " + claim),
                () -> assertTrue(afterClaim.failed() && afterClaim.error().contains("NOT_FOUND"),
                    "platform-c is registered after B's claim: " + afterClaim),
                () -> assertEquals(TxValidationCode.VALID, honest.code(),
                    "C's admin cannot register its own platform-c afterwards: " + honest),
                () -> assertEquals(msp(C), mspIdOf(afterHonest), "owner of platform-c: " + afterHonest));
        }
        assertEquals(supplies, supplies(C), "supplies on 'points'");
        assertEveryProjectionCaughtUp(0);
    }

    // --- (4) erasing a debt ----------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void erasingOneSidesCopyOfAnObligationOrForgingOneRaisesDisputesAndMovesNoNetPosition() {
        final String period = LocalDate.now(ZoneOffset.UTC).toString(); // A settles daily in UTC (demo-platforms)
        final SettlementView beforeConversion = SettlementView.read(CLIENTS.get(C), period);
        final String user = A + ".debt-" + RUN;
        issue(A, user, 1_000);
        final JsonNode receipt = submitUntilNoConflict(CLIENTS.get(A), "conversion:Convert", json("requestId",
            "debt-" + RUN, "userId", user, "fromPlatformId", A, "toPlatformId", B, "amount", 300), msp(A), msp(B))
            .outcome().json();
        final JsonNode obligation = receipt.path("detail").path("obligation");
        final String conversionTx = receipt.path("txId").asString();
        assertEquals(period, obligation.path("period").asString(), "the conversion booked into today: " + receipt);
        awaitPeersInSync();
        final SettlementView beforeTampering = SettlementView.read(CLIENTS.get(C), period);
        final Map<String, Long> supplies = supplies(C);

        final LedgerKey debtorCopy = LedgerKey.ofPlatform(A, "settle", period, B, conversionTx);
        final String fakeTx = sha256Hex("fake-obligation-" + RUN);
        final LedgerKey fake = LedgerKey.ofPlatform(A, "settle", period, C, fakeTx);
        // "A owes C -50 CNY", i.e. C owes A 50, recorded only in A's collection.
        final String fakeObligation = json("period", period, "debtorPlatformId", A, "creditorPlatformId", C,
            "points", -5_000, "value", "-50", "currency", CURRENCY, "txId", fakeTx);
        try (RogueChaincode rogue = RogueChaincode.swapIn(A)) {
            final byte[] original = RogueCalls.get(CLIENTS.get(A), debtorCopy, msp(A)).orElseThrow();
            try {
                // A may write its own collection alone: both transactions are valid, that is not the question.
                RogueCalls.delete(CLIENTS.get(A), debtorCopy, msp(A)).requireValid("A deleting its copy");
                RogueCalls.put(CLIENTS.get(A), fake, fakeObligation.getBytes(UTF_8), msp(A))
                    .requireValid("A writing a fake obligation");
                awaitPeersInSync();
                // Read on genuine peers: B's (the creditor) and C's.
                final SettlementView afterOnB = SettlementView.read(CLIENTS.get(B), period);
                final SettlementView afterOnC = SettlementView.read(CLIENTS.get(C), period);
                assertAll("A (rogue) deleted its copy of conversion " + conversionTx + " and wrote a fake obligation "
                        + fakeTx + "; before the conversion: " + beforeConversion.json() + "; before the tampering: "
                        + beforeTampering.json(),
                    disputeChecks(afterOnB, conversionTx, "MISSING_DEBTOR_COPY", fakeTx, "MISSING_CREDITOR_COPY"),
                    // Only obligations both sides recorded identically are netted: the erased one is now in
                    // dispute, the fake never counted, so the positions are those of the undisputed obligations.
                    () -> assertEquals(beforeConversion.netPositions(CURRENCY, PLATFORMS),
                        afterOnB.netPositions(CURRENCY, PLATFORMS), "net positions on B's peer: " + afterOnB.json()),
                    () -> assertEquals(afterOnB.json(), afterOnC.json(), "B's and C's peers disagree"),
                    () -> assertEquals(supplies, supplies(C), "supplies"));
            } finally {
                // Put A's copy back and remove the fake, so that later tests see the settlement as it was.
                RogueCalls.put(CLIENTS.get(A), debtorCopy, original, msp(A)).requireValid("restoring A's copy");
                RogueCalls.delete(CLIENTS.get(A), fake, msp(A)).requireValid("removing the fake obligation");
            }
        }
        assertEveryProjectionCaughtUp(0);
    }

    private static Executable disputeChecks(final SettlementView view, final String erasedTx, final String erasedReason,
                                            final String fakeTx, final String fakeReason) {
        return () -> assertAll(
            () -> assertEquals(erasedReason, view.dispute(erasedTx).map(d -> d.path("reason").asString()).orElse(null),
                "dispute about the erased obligation " + erasedTx + " in " + view.json()),
            () -> assertTrue(view.dispute(erasedTx).map(d -> d.path("debtorCopy").isNull()
                    && d.path("creditorCopy").path("txId").asString().equals(erasedTx)).orElse(false),
                "the erased obligation's dispute shows B's copy only: " + view.json()),
            () -> assertEquals(fakeReason, view.dispute(fakeTx).map(d -> d.path("reason").asString()).orElse(null),
                "dispute about the fake obligation " + fakeTx + " in " + view.json()),
            () -> assertTrue(view.dispute(fakeTx).map(d -> d.path("creditorCopy").isNull()
                    && d.path("debtorCopy").path("txId").asString().equals(fakeTx)).orElse(false),
                "the fake obligation's dispute shows A's copy only: " + view.json()));
    }

    // --- (5) a rate agreed by one side -----------------------------------------------------------------------------

    @Test
    @Order(3)
    void aRateOnlyOneSideClaimsAsAgreedIsNeverUsedForQuotesOrConversions() {
        // An honest agreement first: both sides approve the same version at the unit-value rate 0.01/0.02 = 0.5,
        // so later tests price A→B as before.
        final long version = Math.max(approvedVersion(A), approvedVersion(B)) + 1;
        approveRate(A, version, "0.5");
        approveRate(B, version, "0.5");
        awaitPeersInSync();
        final JsonNode honestQuote = quote(100);
        final String user = A + ".rate-" + RUN;
        issue(A, user, 1_000);
        final JsonNode honest = convert(user, 100, "rate-honest-" + RUN);
        awaitPeersInSync();
        final Map<String, Long> supplies = supplies(C);

        final LedgerKey bRecord = LedgerKey.ofPlatform(B, "rate", A, B);
        final long forgedVersion = version + 50;
        final String forged = json("fromPlatformId", A, "toPlatformId", B, "approvedVersion", forgedVersion,
            "approvedRate", "500", "agreedVersion", forgedVersion, "agreedRate", "500");
        final JsonNode quoteAfter;
        final Outcome conversionAfter;
        final Map<String, Long> suppliesAfter;
        try (RogueChaincode rogue = RogueChaincode.swapIn(B)) {
            final byte[] original = RogueCalls.get(CLIENTS.get(B), bRecord, msp(B)).orElseThrow();
            try {
                RogueCalls.put(CLIENTS.get(B), bRecord, forged.getBytes(UTF_8), msp(B))
                    .requireValid("B writing its own rate record");
                awaitPeersInSync();
                quoteAfter = quote(100);
                conversionAfter = submitUntilNoConflict(CLIENTS.get(A), "conversion:Convert", json("requestId",
                    "rate-after-" + RUN, "userId", user, "fromPlatformId", A, "toPlatformId", B, "amount", 100),
                    msp(A), msp(B)).outcome();
                awaitPeersInSync();
                suppliesAfter = supplies(C);
            } finally {
                RogueCalls.put(CLIENTS.get(B), bRecord, original, msp(B)).requireValid("restoring B's rate record");
            }
        }
        final long amountOut = honestQuote.path("amountOut").asLong();
        final long credited = amountOut + honestQuote.path("fee").asLong();
        final JsonNode converted = conversionAfter.code() == TxValidationCode.VALID ? conversionAfter.json()
            : LedgerCalls.JSON.missingNode();
        assertAll("B (rogue) recorded version " + forgedVersion + " at 1000x (500) as approved and agreed for "
                + A + "->" + B + "; honest agreement: version " + version + " at 0.5, quote " + honestQuote,
            () -> assertEquals(amountOut, quoteAfter.path("amountOut").asLong(), "quote after: " + quoteAfter),
            () -> assertEquals(TxValidationCode.VALID, conversionAfter.code(), "conversion: " + conversionAfter),
            () -> assertEquals(amountOut, converted.path("detail").path("quote").path("amountOut").asLong(),
                "conversion after: " + conversionAfter),
            () -> assertEquals(0, decimal(honest.path("detail").path("obligation").path("value"))
                    .compareTo(decimal(converted.path("detail").path("obligation").path("value"))),
                "obligation of the conversion after " + converted.path("detail").path("obligation")
                    + " vs before " + honest.path("detail").path("obligation")),
            () -> assertEquals(supplies.get(A) - 100, suppliesAfter.get(A), "A's supply"),
            () -> assertEquals(supplies.get(B) + credited, suppliesAfter.get(B), "B's supply"));
        assertEveryProjectionCaughtUp(0);
    }

    // --- (7) crediting or registering users on another platform ------------------------------------------------

    @Test
    @Order(4)
    void aRoguePlatformCanNeitherCreditANeverRegisteredUserOfAnotherPlatformNorRegisterOne() {
        final String payer = LedgerCalls.registerUser(CLIENTS.get(A), A + ".payer-" + RUN);
        issue(A, payer, 1_000);
        final String ghost = B + ".ghost-" + RUN;
        final String planted = B + ".planted-" + RUN;
        awaitPeersInSync();
        final Map<String, Long> supplies = supplies(C);
        final Outcome creditGhost;
        final Outcome registerInB;
        final Outcome plantInA;
        final Outcome convertToGhost;
        final Outcome convertToPlanted;
        final Outcome registerAsA;
        try (RogueChaincode rogue = RogueChaincode.swapIn(A)) {
            // A writes a balance, then a registration, straight into B's collection, endorsed by A alone.
            creditGhost = RogueCalls.put(CLIENTS.get(A), LedgerKey.ofPlatform(B, "acct", ghost),
                "{\"value\":500}".getBytes(UTF_8), msp(A));
            registerInB = RogueCalls.put(CLIENTS.get(A), LedgerKey.ofPlatform(B, "user", ghost),
                json("userId", ghost, "platformId", B).getBytes(UTF_8), msp(A));
            // A plants a "registration" of a B id in its own collection (its own peer suffices: VALID) ...
            plantInA = RogueCalls.put(CLIENTS.get(A), LedgerKey.ofPlatform(A, "user", planted),
                json("userId", planted, "platformId", B).getBytes(UTF_8), msp(A));
            awaitPeersInSync();
            // ... and converts to both ids: the credit writes B's collection, so B's genuine peer must endorse.
            convertToGhost = submitUntilNoConflict(CLIENTS.get(A), "conversion:Convert", json("requestId",
                "ghost-" + RUN, "userId", payer, "fromPlatformId", A, "toPlatformId", B, "amount", 100,
                "toUserId", ghost), msp(A), msp(B)).outcome();
            convertToPlanted = submitUntilNoConflict(CLIENTS.get(A), "conversion:Convert", json("requestId",
                "planted-" + RUN, "userId", payer, "fromPlatformId", A, "toPlatformId", B, "amount", 100,
                "toUserId", planted), msp(A), msp(B)).outcome();
            // A's client asking B's genuine peer to register a B id.
            registerAsA = submitUntilNoConflict(CLIENTS.get(A), "user:Register", json("userId", ghost), msp(B))
                .outcome();
            awaitPeersInSync();
        }
        final Map<String, Long> suppliesAfter = supplies(C);
        assertAll("A (rogue) credits and registers B ids that B never registered",
            () -> assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, creditGhost.code(),
                "a balance written into B's collection by A: " + creditGhost),
            () -> assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, registerInB.code(),
                "a registration written into B's collection by A: " + registerInB),
            () -> assertEquals(TxValidationCode.VALID, plantInA.code(), "A writing its own collection: " + plantInA),
            () -> assertTrue(refusal(convertToGhost, msp(B)).filter(m -> m.contains("USER_NOT_FOUND")).isPresent(),
                "B's peer on a conversion to a never-registered B id: " + convertToGhost),
            () -> assertTrue(refusal(convertToPlanted, msp(B)).filter(m -> m.contains("USER_NOT_FOUND")).isPresent(),
                "B's peer on a conversion to a B id registered only in A's collection: " + convertToPlanted),
            () -> assertTrue(refusal(registerAsA, msp(B)).filter(m -> m.contains("FORBIDDEN")).isPresent(),
                "B's peer on A's client registering a B id: " + registerAsA),
            () -> assertEquals(Map.of(A, 1_000L), balancesOf(payer), "the payer's balances"),
            () -> assertEquals(Map.of(), balancesOf(ghost), "the ghost's balances"),
            () -> assertEquals(Map.of(), balancesOf(planted), "the planted id's balances"),
            () -> assertEquals(supplies, suppliesAfter, "supplies after the attack"));
        assertEveryProjectionCaughtUp(0);
    }

    /** A user's non-zero balances as the genuine peer of C sums them. */
    private static Map<String, Long> balancesOf(final String user) {
        final Map<String, Long> balances = new TreeMap<>();
        for (final JsonNode line : evaluate(CLIENTS.get(C), "account:GetBalances", json("userId", user))
            .path("balances")) {
            if (line.path("balance").asLong() != 0) {
                balances.put(line.path("platformId").asString(), line.path("balance").asLong());
            }
        }
        return balances;
    }

    // --- (1) taking over a registered platform ---------------------------------------------------------------------

    @Test
    @Order(5)
    void aCoalitionWithoutThePlatformCanNeitherDeleteItsDirectoryEntryNorRegisterItAgain() {
        final LedgerKey directory = LedgerKey.publicKey("platform", A);
        final LedgerKey record = LedgerKey.ofPlatform(A, "platform");
        final Map<String, Long> supplies = supplies(A);
        final String ownersUser = LedgerCalls.registerUser(CLIENTS.get(A), A + ".owner-" + RUN);
        final String foreign = LedgerCalls.registerUser(CLIENTS.get(A), A + ".foreign-" + RUN);
        try (RogueChaincode coalition = RogueChaincode.swapIn(B, C)) {
            final byte[] directoryBefore = RogueCalls.get(CLIENTS.get(B), directory, msp(B)).orElseThrow();
            final byte[] recordBefore = RogueCalls.get(CLIENTS.get(B), record, msp(B)).orElseThrow();
            try {
                final Outcome delete = RogueCalls.delete(CLIENTS.get(B), directory, msp(B), msp(C));
                awaitPeersInSync();
                final Outcome takeover = submitUntilNoConflict(ADMINS.get(B), "platform:Register",
                    registrationRequest(A, "takeover-" + RUN), msp(A), msp(B), msp(C)).outcome();
                awaitPeersInSync();
                final Evaluation owner = tryEvaluate(CLIENTS.get(A), "platform:Get", json("platformId", A), msp(A));
                final Map<String, Long> suppliesAfter = supplies(A);
                // Both issuances write only A's collection, so A's peer alone decides.
                final Outcome issueByA = submitUntilNoConflict(CLIENTS.get(A), "account:Issue", json("requestId",
                    "owner-issue-" + RUN, "platformId", A, "userId", ownersUser, "amount", 1), msp(A)).outcome();
                final Outcome issueByB = submitUntilNoConflict(CLIENTS.get(B), "account:Issue", json("requestId",
                    "foreign-issue-" + RUN, "platformId", A, "userId", foreign, "amount", 100), msp(A))
                    .outcome();
                assertAll("B and C (rogue) delete platform-a's directory entry, then B's admin registers platform-a",
                    () -> assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, delete.code(),
                        "deleting the directory entry endorsed by B and C: " + delete),
                    () -> assertTrue(takeover.code() == null && refusal(takeover, msp(A))
                            .filter(m -> m.contains("FORBIDDEN") || m.contains("already registered")).isPresent(),
                        "A's genuine chaincode did not refuse B's registration of platform-a: " + takeover),
                    () -> assertEquals(msp(A), mspIdOf(owner), "owner of platform-a: " + owner),
                    () -> assertEquals(TxValidationCode.VALID, issueByA.code(), "A's client issuing: " + issueByA),
                    () -> assertTrue(refusal(issueByB, msp(A)).filter(m -> m.contains("FORBIDDEN")).isPresent(),
                        "B's client issuing on platform-a, endorsed by A: " + issueByB),
                    () -> assertEquals(supplies, suppliesAfter, "supplies after the attack"));
            } finally {
                repair(directory, directoryBefore, record, recordBefore);
            }
        }
        assertEveryProjectionCaughtUp(0);
    }

    /**
     * Puts platform-a's directory entry and record back if the attack changed them (it does on a chaincode without the
     * defence), so that later tests find platform-a as `up` registered it. Needs A's endorsement for A's record (and,
     * with the defence, for the directory entry), so A turns rogue for a moment too; B still is.
     */
    private static void repair(final LedgerKey directory, final byte[] directoryBefore, final LedgerKey record,
                               final byte[] recordBefore) {
        awaitPeersInSync();
        final boolean directoryIntact = RogueCalls.get(CLIENTS.get(B), directory, msp(B))
            .map(now -> Arrays.equals(now, directoryBefore)).orElse(false);
        final boolean recordIntact = RogueCalls.get(CLIENTS.get(B), record, msp(B))
            .map(now -> Arrays.equals(now, recordBefore)).orElse(false);
        if (directoryIntact && recordIntact) {
            return;
        }
        try (RogueChaincode victim = RogueChaincode.swapIn(A)) {
            RogueCalls.put(CLIENTS.get(B), directory, directoryBefore, msp(A), msp(B))
                .requireValid("repairing platform-a's directory entry");
            RogueCalls.put(CLIENTS.get(B), record, recordBefore, msp(A), msp(B))
                .requireValid("repairing platform-a's record");
        }
        awaitPeersInSync();
    }

    // --- (6) poisoning the projection ------------------------------------------------------------------------------

    @Test
    @Order(6)
    void aForgedReceiptOfAnotherPlatformsIssuanceIsSetAsideAndEveryProjectionStaysReconciled() throws Exception {
        final Map<String, Object> posting = Map.of("platformId", A, "userId", "forged-" + RUN, "delta", 1_000_000);
        poisonProjections("forged", receipt(posting, 1_000_000));
    }

    @Test
    @Order(7)
    void aMalformedReceiptIsSetAsideAndEveryListenerKeepsUp() throws Exception {
        final Map<String, Object> posting = Map.of("platformId", A, "userId", "malformed-" + RUN, "delta", "lots");
        poisonProjections("malformed", receipt(posting, 1));
    }

    /**
     * B (rogue) alone commits a transaction writing a key of its own collection (valid: B may) with a Receipt event
     * of {@code payload}; then a genuine transaction follows. Every gateway must set the event aside, store the
     * genuine one, be ready without lag, and reconcile with A's supply unchanged.
     */
    private void poisonProjections(final String kind, final byte[] payload) throws Exception {
        final Map<String, ApiClient> gateways = ApiNetwork.clients();
        final Map<String, Double> setAsideBefore = GatewayProbe.setAside(gateways);
        final Map<String, Long> supplies = supplies(C);
        final Outcome poison;
        try (RogueChaincode rogue = RogueChaincode.swapIn(B)) {
            poison = RogueCalls.emit(CLIENTS.get(B), LedgerKey.ofPlatform(B, "rogue", kind, RUN), "Receipt", payload,
                msp(B));
        }
        poison.requireValid("B's " + kind + " Receipt event");
        // A genuine transaction after the poisoned block: the listeners must store it too.
        final ApiClient c = gateways.get(C);
        final long block = ApiNetwork.issue(c, ApiNetwork.user(c, "after-" + kind + "-" + RUN), 1)
            .path("blockNumber").asLong();
        final Map<String, GatewayProbe> probes = GatewayProbe.awaitCaughtUp(gateways, block, PROJECTION_CATCH_UP);
        final Map<String, Long> suppliesAfter = supplies(C);
        final Map<String, Double> setAsideAfter = GatewayProbe.setAside(gateways);

        final List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(supplies.get(A), suppliesAfter.get(A), "A's on-chain supply"));
        probes.forEach((platform, probe) -> {
            checks.add(() -> assertTrue(probe.caughtUp(block), "gateway of " + platform
                + " not ready, lagging or unreconciled " + PROJECTION_CATCH_UP.toSeconds() + " s after block "
                + block + ": " + probe));
            checks.add(() -> assertEquals(suppliesAfter.get(A), probe.line(A).path("replayedSupply").asLong(),
                "A's supply replayed by the gateway of " + platform + ": " + probe));
            checks.add(() -> assertTrue(setAsideAfter.get(platform) >= setAsideBefore.get(platform) + 1,
                "the gateways of " + platform + " did not count the event as set aside ("
                    + GatewayProbe.SET_ASIDE_METRIC + " " + setAsideBefore.get(platform) + " before, "
                    + setAsideAfter.get(platform) + " after): " + probe));
        });
        assertAll("B (rogue) emitted a " + kind + " Receipt event: " + new String(payload, UTF_8), checks);
    }

    /** A Receipt event payload as the chaincode writes it, of an issuance on A with {@code posting}. */
    private static byte[] receipt(final Map<String, Object> posting, final long amount) {
        final Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("type", "ISSUE");
        receipt.put("requestId", "poison-" + RUN);
        receipt.put("requestHash", sha256Hex("poison-" + RUN));
        receipt.put("txId", sha256Hex("poison-tx-" + RUN));
        receipt.put("timestamp", Instant.now().toString());
        receipt.put("platformId", A);
        receipt.put("postings", List.of(posting));
        receipt.put("detail", Map.of("userId", posting.get("userId"), "amount", amount));
        return LedgerCalls.JSON.writeValueAsString(receipt).getBytes(UTF_8);
    }

    // --- shared steps and checks -----------------------------------------------------------------------------------

    private static String msp(final String platform) {
        return NETWORK.mspId(platform);
    }

    /** Every platform's on-chain supply as the peer of {@code genuine}, which runs the genuine chaincode, sums it. */
    private static Map<String, Long> supplies(final String genuine) {
        final Evaluation answer = tryEvaluate(CLIENTS.get(genuine), "account:GetSupply", "{}", msp(genuine));
        assertTrue(!answer.failed(), "account:GetSupply on the peer of " + genuine + ": " + answer);
        final Map<String, Long> supplies = new TreeMap<>();
        for (final JsonNode line : LedgerCalls.JSON.readTree(answer.text())) {
            supplies.put(line.path("platformId").asString(), line.path("supply").asLong());
        }
        return supplies;
    }

    private static void issue(final String platform, final String user, final long amount) {
        LedgerCalls.registerUser(CLIENTS.get(LedgerCalls.owner(user)), user);
        submitUntilNoConflict(CLIENTS.get(platform), "account:Issue", json("requestId", "issue-" + user, "platformId",
            platform, "userId", user, "amount", amount)).outcome().requireValid("issuing to " + user);
        // A conversion next is endorsed by other peers too; one that has not committed the issuance yet reads a zero
        // balance (INSUFFICIENT_BALANCE in one CI run).
        awaitPeersInSync();
    }

    private static JsonNode quote(final long amount) {
        return evaluate(CLIENTS.get(A), "conversion:Quote", json("fromPlatformId", A, "toPlatformId", B, "amount",
            amount));
    }

    private static JsonNode convert(final String user, final long amount, final String requestId) {
        final Outcome outcome = submitUntilNoConflict(CLIENTS.get(A), "conversion:Convert", json("requestId", requestId,
            "userId", user, "fromPlatformId", A, "toPlatformId", B, "amount", amount), msp(A), msp(B)).outcome();
        outcome.requireValid("conversion " + requestId);
        return outcome.json();
    }

    /** The version of pair A→B that {@code side} approved last (0 when none), from its own rules. */
    private static long approvedVersion(final String side) {
        for (final JsonNode rate : evaluate(CLIENTS.get(side), "conversion:GetRules", json("platformId", side))
            .path("rates")) {
            if (A.equals(rate.path("fromPlatformId").asString()) && B.equals(rate.path("toPlatformId").asString())) {
                return rate.path("approvedVersion").asLong();
            }
        }
        return 0;
    }

    private static void approveRate(final String side, final long version, final String rate) {
        submitUntilNoConflict(ADMINS.get(side), "conversion:ApproveRate", json("requestId", "rate-" + side + "-" + RUN,
            "platformId", side, "fromPlatformId", A, "toPlatformId", B, "version", version, "rate", rate))
            .outcome().requireValid(side + " approving version " + version);
    }

    private static void awaitPeersInSync() {
        final Map<String, FabricConnection> peers = new LinkedHashMap<>();
        PLATFORMS.forEach(platform -> peers.put(msp(platform), CLIENTS.get(platform)));
        PeerHeights.awaitInSync(peers, "points");
    }

    /** Every gateway ready, caught up and reconciled (difference 0 for every platform) as of {@code block}. */
    private static void assertEveryProjectionCaughtUp(final long block) {
        final Map<String, GatewayProbe> probes;
        try {
            probes = GatewayProbe.awaitCaughtUp(ApiNetwork.clients(), block, PROJECTION_CATCH_UP);
        } catch (Exception e) {
            throw new IllegalStateException("cannot probe the gateways", e);
        }
        assertAll("every gateway's projection", probes.entrySet().stream().map(entry -> (Executable) () ->
            assertTrue(entry.getValue().caughtUp(block), "gateway of " + entry.getKey() + ": " + entry.getValue())));
    }

    private static final Pattern ERROR_DETAIL =
        Pattern.compile("msp_id: \"([^\"]*)\"\\s*message: \"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The message with which {@code mspId}'s peer refused to endorse, from the Gateway's per-peer error details. */
    private static Optional<String> refusal(final Outcome outcome, final String mspId) {
        if (outcome.code() != null) {
            return Optional.empty();
        }
        final Matcher detail = ERROR_DETAIL.matcher(outcome.endorsementError());
        while (detail.find()) {
            if (detail.group(1).equals(mspId) && detail.group(2).contains("chaincode response 500")) {
                return Optional.of(detail.group(2));
            }
        }
        return Optional.empty();
    }

    private static String mspIdOf(final Evaluation platformGet) {
        return platformGet.failed() ? null : LedgerCalls.JSON.readTree(platformGet.text()).path("mspId").asString();
    }

    private static BigDecimal decimal(final JsonNode value) {
        return value.isString() ? new BigDecimal(value.asString()) : BigDecimal.valueOf(-1);
    }

    private static String sha256Hex(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
