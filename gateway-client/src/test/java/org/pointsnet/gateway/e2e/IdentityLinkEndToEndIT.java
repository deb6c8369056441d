package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.C;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.PEERS_CATCH_UP;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;
import static org.pointsnet.gateway.e2e.ApiNetwork.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pointsnet.gateway.fabric.FabricConnection;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, parts 1 and 2 through the real network: Alice, signed in at A and at B (authorization code + PKCE at each
 * gateway), consents on both sides and links her accounts with a grant from B; A shows both balances and their total
 * and converts to "her account on B" without knowing B's id; platform-c's peer and gateway see nothing of the link
 * (no user id in any of its blocks, no key its peer can read, no event). Withdrawing the sharing consent at B stops
 * A from reading at once (403 CONSENT_REQUIRED); withdrawing the link consent at A unlinks both sides; a link endorsed
 * by one platform's peer only is refused by validation.
 */
@Tag("network")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityLinkEndToEndIT {

    private static final String REDIRECT = "https://127.0.0.1/callback";
    private static final String SCOPES = "points.read points.transfer";

    private static ApiClient a;
    private static ApiClient b;
    private static ApiClient c;
    private static String aliceA;
    private static String aliceB;
    private static String tokenA;
    private static String tokenB;
    private static LedgerNetwork ledger;

    @BeforeAll
    static void aliceHasAccountsOnAAndBAndIsSignedInAtBoth() throws Exception {
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        a = clients.get(A);
        b = clients.get(B);
        c = clients.get(C);
        ledger = LedgerNetwork.fromSystemProperty();
        aliceA = signUp(a, "alice-a-" + RUN);
        aliceB = signUp(b, "alice-b-" + RUN);
        ApiNetwork.issue(a, aliceA, 100);
        ApiNetwork.issue(b, aliceB, 50);
        tokenA = signIn(a, "alice-a-" + RUN);
        tokenB = signIn(b, "alice-b-" + RUN);
    }

    @AfterAll
    static void unlinkWhatIsLeft() throws Exception {
        if (tokenA != null) {
            a.send("DELETE", "/api/v1/links/" + B, null, null, tokenA);
        }
    }

    @Test
    @Order(1)
    void aliceLinksSeesBothBalancesAndConvertsToHerBAccountWhileCSeesNothing() throws Exception {
        // Nothing without consent, on either side.
        assertProblem(post(b, "/api/v1/links/grants", "{\"platformId\":\"" + A + "\"}", tokenB), 403,
            "CONSENT_REQUIRED");
        assertProblem(b.get("/api/v1/consents"), 403, "FORBIDDEN");
        consent(b, tokenB, "LINK_ACCOUNTS", A);
        consent(b, tokenB, "SHARE_BALANCES", A);

        final long heightBefore = height(C);
        final JsonNode grant = ok(post(b, "/api/v1/links/grants", "{\"platformId\":\"" + A + "\"}", tokenB));
        assertEquals(A, grant.path("toPlatformId").asString());
        final String linkBody = "{\"platformId\":\"" + B + "\",\"grant\":\"" + grant.path("grant").asString() + "\"}";
        assertProblem(post(a, "/api/v1/links", linkBody, tokenA), 403, "CONSENT_REQUIRED");
        consent(a, tokenA, "LINK_ACCOUNTS", B);
        // A's peer reads the offer from its own copy: it may commit B's offer a moment after B's peer.
        HttpResponse<String> accepted = post(a, "/api/v1/links", linkBody, tokenA);
        final long acceptBy = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (accepted.statusCode() == 404 && System.nanoTime() < acceptBy) {
            Thread.sleep(250);
            accepted = post(a, "/api/v1/links", linkBody, tokenA);
        }
        final JsonNode linked = ok(accepted);
        assertEquals(B, linked.path("platformId").asString());
        assertTrue(linked.path("sharedWithUs").asBoolean(), linked.toString());
        assertFalse(linked.toString().contains(aliceB), "A's answer names Alice's id on B: " + linked);

        // C received every block of the link, and none holds either pseudonym; C's peer has no link it can read.
        final long heightAfter = waitForHeight(C, height(A));
        for (long block = heightBefore; block < heightAfter; block++) {
            final String bytes = blockText(C, block);
            assertFalse(bytes.contains(aliceA) || bytes.contains(aliceB), "block " + block + " names Alice");
        }
        try (FabricConnection clientA = ledger.connect(A, LedgerNetwork.Role.CLIENT);
             FabricConnection clientC = ledger.connect(C, LedgerNetwork.Role.CLIENT)) {
            final String getLink = "{\"userId\":\"" + aliceA + "\",\"linkedPlatformId\":\"" + B + "\"}";
            assertTrue(LedgerCalls.tryEvaluate(clientA, "link:Get", getLink).text().contains(aliceB),
                "A's peer reads the link");
            final LedgerCalls.Evaluation onC = LedgerCalls.tryEvaluate(clientA, "link:Get", getLink, ledger.mspId(C));
            assertTrue(onC.failed(), "C's peer answered a link: " + onC);
            assertTrue(LedgerCalls.tryEvaluate(clientC, "link:Get", getLink).failed(), "C's client read a link");
        }

        // Both balances and their total, in the common currency, exact.
        final JsonNode all = ok(a.send("GET", "/api/v1/links/balances", null, null, tokenA));
        final JsonNode onA = account(all, A);
        final JsonNode onB = account(all, B);
        assertEquals(100, onA.path("balance").asLong(), all.toString());
        assertEquals(50, onB.path("balance").asLong(), all.toString());
        assertTrue(onB.path("linked").asBoolean(), all.toString());
        assertEquals(new BigDecimal(onA.path("value").asString()).add(new BigDecimal(onB.path("value").asString()))
            .compareTo(new BigDecimal(all.path("totalValue").asString())), 0, all.toString());
        assertEquals(onA.path("currency").asString(), all.path("currency").asString());
        assertFalse(all.toString().contains(aliceB), "the answer names Alice's id on B: " + all);

        // "My account on B": the chaincode finds it from the link.
        final JsonNode receipt = convertToLinked(20);
        long credited = 0;
        for (final JsonNode posting : receipt.path("postings")) {
            if (B.equals(posting.path("platformId").asString()) && aliceB.equals(posting.path("userId").asString())) {
                credited = posting.path("delta").asLong();
            }
        }
        assertTrue(credited > 0, "the conversion credited Alice's account on B: " + receipt);
        assertEquals(80, ApiNetwork.balanceEventually(a, aliceA, A, 80));
        assertEquals(50 + credited, ApiNetwork.balanceEventually(b, aliceB, B, 50 + credited));
        assertProblem(post(c, "/api/v1/links", linkBody, null), 403, "FORBIDDEN");
    }

    @Test
    @Order(2)
    void withdrawingTheSharingConsentAtBStopsAFromReadingAtOnce() throws Exception {
        final String share = activeConsent(b, tokenB, "SHARE_BALANCES", A);
        ok(b.send("DELETE", "/api/v1/consents/" + share, null, null, tokenB));
        // B's gateway answered after its own peer committed the withdrawal; A's reads it once its peer has the block.
        HttpResponse<String> read = a.send("GET", "/api/v1/links/" + B + "/balances", null, null, tokenA);
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (read.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            read = a.send("GET", "/api/v1/links/" + B + "/balances", null, null, tokenA);
        }
        assertProblem(read, 403, "CONSENT_REQUIRED");
        final JsonNode all = ok(a.send("GET", "/api/v1/links/balances", null, null, tokenA));
        assertEquals(B, all.path("withheld").path(0).asString(), all.toString());
        assertEquals(new BigDecimal(account(all, A).path("value").asString())
            .compareTo(new BigDecimal(all.path("totalValue").asString())), 0, all.toString());
        final JsonNode listed = ok(b.send("GET", "/api/v1/consents", null, null, tokenB));
        boolean withdrawn = false;
        for (final JsonNode consent : listed.path("consents")) {
            withdrawn |= share.equals(consent.path("consentId").asString()) && consent.has("withdrawnAt");
        }
        assertTrue(withdrawn, listed.toString());
    }

    @Test
    @Order(3)
    void aLinkEndorsedByOneSideOnlyIsRefusedByValidation() throws Exception {
        // Bob on A and on B, linked by the two platforms' clients straight through their peers, one side at a time.
        final String bobA = ApiNetwork.user(a, "bob-a-" + RUN);
        final String bobB = ApiNetwork.user(b, "bob-b-" + RUN);
        final String grant = "bob-grant-" + RUN;
        final String offer = "{\"platformId\":\"" + B + "\",\"userId\":\"" + bobB + "\",\"toPlatformId\":\"" + A
            + "\",\"grantHash\":\"" + sha256(grant) + "\",\"expiresAt\":\""
            + Instant.now().plusSeconds(240).truncatedTo(ChronoUnit.SECONDS) + "\",\"share\":true,"
            + "\"consentHash\":\"" + "0".repeat(64) + "\"}";
        final String accept = "{\"platformId\":\"" + A + "\",\"userId\":\"" + bobA + "\",\"fromPlatformId\":\"" + B
            + "\",\"grant\":\"" + grant + "\",\"share\":false,\"consentHash\":\"" + "0".repeat(64) + "\"}";
        final String getLink = "{\"userId\":\"" + bobA + "\",\"linkedPlatformId\":\"" + B + "\"}";
        try (FabricConnection clientA = ledger.connect(A, LedgerNetwork.Role.CLIENT);
             FabricConnection clientB = ledger.connect(B, LedgerNetwork.Role.CLIENT)) {
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE,
                submitPrivately(clientB, "link:Offer", offer, ledger.mspId(B)), "an offer endorsed by B's peer alone");
            assertEquals(TxValidationCode.VALID,
                submitPrivately(clientB, "link:Offer", offer, ledger.mspId(B), ledger.mspId(A)), "the offer");
            waitForHeight(A, height(B));
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE,
                submitPrivately(clientA, "link:Accept", accept, ledger.mspId(A)), "a link endorsed by A's peer alone");
            assertTrue(LedgerCalls.tryEvaluate(clientA, "link:Get", getLink).failed(), "the refused link exists");
            final String unlinkByA = "{\"platformId\":\"" + A + "\",\"userId\":\"" + aliceA
                + "\",\"linkedPlatformId\":\"" + B + "\"}";
            assertEquals(TxValidationCode.ENDORSEMENT_POLICY_FAILURE,
                submitPrivately(clientA, "link:Unlink", unlinkByA, ledger.mspId(A)), "an unlink endorsed by A alone");
            // The same acceptance with both peers' endorsements is valid: only the missing endorsement refused it.
            assertEquals(TxValidationCode.VALID,
                submitPrivately(clientA, "link:Accept", accept, ledger.mspId(A), ledger.mspId(B)), "the link");
            assertTrue(LedgerCalls.tryEvaluate(clientA, "link:Get", getLink).text().contains(bobB));
        }
        // Alice's link still stands on both sides.
        assertEquals(B, ok(a.send("GET", "/api/v1/links", null, null, tokenA)).path("links").path(0)
            .path("platformId").asString());
        assertEquals(A, ok(b.send("GET", "/api/v1/links", null, null, tokenB)).path("links").path(0)
            .path("platformId").asString());
    }

    private static String sha256(final String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(4)
    void withdrawingTheLinkConsentAtAUnlinksBothSidesAndLinkedConversionsNeedIt() throws Exception {
        final String link = activeConsent(a, tokenA, "LINK_ACCOUNTS", B);
        ok(a.send("DELETE", "/api/v1/consents/" + link, null, null, tokenA));
        assertProblem(a.send("POST", "/api/v1/conversions", "linked-after-" + RUN, "{\"userId\":\"" + aliceA
            + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B + "\",\"amount\":1,"
            + "\"toLinkedAccount\":true}", tokenA), 403, "CONSENT_REQUIRED");
        assertEquals(0, ok(a.send("GET", "/api/v1/links", null, null, tokenA)).path("links").size());
        JsonNode onB = ok(b.send("GET", "/api/v1/links", null, null, tokenB));
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (onB.path("links").size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            onB = ok(b.send("GET", "/api/v1/links", null, null, tokenB));
        }
        assertEquals(0, onB.path("links").size(), onB.toString());
        assertEquals(80, ApiNetwork.balance(a, aliceA, A), "nothing moved");
    }

    private static JsonNode convertToLinked(final long amount) throws Exception {
        final String body = "{\"userId\":\"" + aliceA + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
            + "\",\"amount\":" + amount + ",\"toLinkedAccount\":true}";
        HttpResponse<String> response = a.send("POST", "/api/v1/conversions", "linked-" + RUN, body, tokenA);
        // B's peer endorses too and reads the link from its own copy: it may commit the link a moment after A's.
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = a.send("POST", "/api/v1/conversions", "linked-" + RUN, body, tokenA);
        }
        return ok(response);
    }

    private static TxValidationCode submitPrivately(final FabricConnection connection, final String function,
                                                    final String request, final String... endorsers) {
        final Proposal proposal = connection.contract().newProposal(function).addArguments("{}")
            .putTransient("request", request.getBytes(StandardCharsets.UTF_8))
            .setEndorsingOrganizations(endorsers).build();
        try {
            final SubmittedTransaction submitted = proposal.endorse().submitAsync();
            return submitted.getStatus().getCode();
        } catch (EndorseException e) {
            throw new AssertionError(function + " was not endorsed: " + e + " " + e.getDetails(), e);
        } catch (GatewayException e) {
            throw new AssertionError(function + " failed: " + e, e);
        }
    }

    private static String signUp(final ApiClient client, final String platformUser) throws Exception {
        final HttpResponse<String> response = client.post("/api/v1/users", "signup-" + platformUser,
            "{\"platformUserId\":\"" + platformUser + "\",\"password\":\"" + password(platformUser) + "\"}");
        return ok(response).path("userId").asString();
    }

    private static String signIn(final ApiClient client, final String platformUser) throws Exception {
        final String platform = ApiNetwork.platformOf(client);
        final String base = client.gateway().url().toString().replaceAll("/$", "");
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization granted = new OAuthClient(base, GatewayTrust.gateways())
            .authorize(platform + "-app", REDIRECT, SCOPES, pkce, platformUser, password(platformUser));
        final HttpResponse<String> exchanged = client.oauth().exchange(platform + "-app", REDIRECT, granted.code(),
            pkce.verifier());
        return ok(exchanged).path("access_token").asString();
    }

    private static String password(final String platformUser) {
        return "link password " + platformUser;
    }

    private static void consent(final ApiClient client, final String token, final String purpose,
                                final String platformId) throws Exception {
        final JsonNode consent = ok(post(client, "/api/v1/consents", "{\"purpose\":\"" + purpose
            + "\",\"platformId\":\"" + platformId + "\"}", token));
        assertTrue(consent.path("active").asBoolean(), consent.toString());
        assertEquals(64, consent.path("digest").asString().length(), consent.toString());
    }

    private static String activeConsent(final ApiClient client, final String token, final String purpose,
                                        final String platformId) throws Exception {
        for (final JsonNode consent : ok(client.send("GET", "/api/v1/consents", null, null, token)).path("consents")) {
            if (purpose.equals(consent.path("purpose").asString())
                && platformId.equals(consent.path("platformId").asString()) && consent.path("active").asBoolean()) {
                return consent.path("consentId").asString();
            }
        }
        throw new AssertionError("no active " + purpose + " consent for " + platformId);
    }

    private static HttpResponse<String> post(final ApiClient client, final String path, final String body,
                                             final String token) throws Exception {
        return token == null ? client.post(path, null, body) : client.send("POST", path, null, body, token);
    }

    private static JsonNode ok(final HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode account(final JsonNode balances, final String platformId) {
        for (final JsonNode account : balances.path("accounts")) {
            if (platformId.equals(account.path("platformId").asString())) {
                return account;
            }
        }
        throw new AssertionError("no account on " + platformId + " in " + balances);
    }

    private static long height(final String platform) {
        try (FabricConnection connection = ledger.connect(platform, LedgerNetwork.Role.CLIENT)) {
            return BlockchainInfo.parseFrom(connection.network().getContract("qscc")
                .evaluateTransaction("GetChainInfo", connection.network().getName())).getHeight();
        } catch (Exception e) {
            throw new AssertionError("qscc GetChainInfo on " + platform + ": " + e, e);
        }
    }

    private static long waitForHeight(final String platform, final long target) throws InterruptedException {
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        long seen = height(platform);
        while (seen < target && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = height(platform);
        }
        assertTrue(seen >= target, platform + "'s peer is at " + seen + ", not " + target);
        return seen;
    }

    /** Block {@code number} as C's peer holds it (qscc), as Latin-1 text to search for ASCII ids. */
    private static String blockText(final String platform, final long number) {
        try (FabricConnection connection = ledger.connect(platform, LedgerNetwork.Role.CLIENT)) {
            return new String(connection.network().getContract("qscc").evaluateTransaction("GetBlockByNumber",
                connection.network().getName(), Long.toString(number)), StandardCharsets.ISO_8859_1);
        } catch (GatewayException e) {
            throw new AssertionError("qscc GetBlockByNumber " + number + " on " + platform + ": " + e, e);
        }
    }
}
