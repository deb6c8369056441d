package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;
import static org.pointsnet.gateway.e2e.ApiNetwork.assertProblem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.support.OAuthClient;
import org.pointsnet.gateway.support.OAuthClient.Pkce;

/**
 * The same Idempotency-Key sent 10 times at once: one committed effect, ten identical receipts. The same key from an
 * end user and from the platform's back end: two independent effects.
 */
@Tag("network")
class IdempotencyEndToEndIT {

    private static final int SENDERS = 10;

    @Test
    void tenConcurrentRepeatsCommitOnceAndAnswerTheSameReceipt() throws Exception {
        final ApiClient a = ApiNetwork.clients().get(A);
        final String user = ApiNetwork.user(a, "idem-" + RUN);
        final String token = a.token();
        final String key = "idem-" + RUN;
        final String body = "{\"userId\":\"" + user + "\",\"amount\":25,\"reason\":\"once\"}";

        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        final List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < SENDERS; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return a.send("POST", "/api/v1/issuances", key, body, token);
                }));
            }
            start.countDown();
            final List<String> receipts = new ArrayList<>();
            for (final Future<HttpResponse<String>> response : sent) {
                final HttpResponse<String> answer = response.get();
                assertEquals(200, answer.statusCode(), answer.body());
                receipts.add(JSON.readTree(answer.body()).toString());
            }
            for (final String receipt : receipts) {
                assertEquals(receipts.get(0), receipt, "receipts differ");
            }
            assertEquals(25, JSON.readTree(receipts.get(0)).path("postings").get(0).path("delta").asLong());
        } finally {
            pool.shutdownNow();
        }

        assertEquals(25, ApiNetwork.balance(a, user, A), "more than one issuance took effect");
        assertEquals(1, ApiNetwork.historySize(a, user), "more than one receipt in the history");
        // The same key with another body is refused and changes nothing.
        assertProblem(a.send("POST", "/api/v1/issuances", key, body.replace("25", "26"), token), 409,
            "IDEMPOTENCY_KEY_REUSED");
        assertEquals(25, ApiNetwork.balance(a, user, A));
    }

    /**
     * Keys are scoped to the caller: an end user who sends the back end's key (guessed, or by chance) gets an effect
     * of their own, and the back end's request with that key still takes effect (no 409, no replay of the user's).
     */
    @Test
    void theSameKeyFromAUserAndFromTheBackEndGivesTwoIndependentEffects() throws Exception {
        final ApiClient a = ApiNetwork.clients().get(A);
        final String platformUser = "idem-user-" + RUN;
        final String password = "idem password " + RUN;
        final HttpResponse<String> registered = a.post("/api/v1/users", "idem-user-" + RUN,
            "{\"platformUserId\":\"" + platformUser + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        final String alice = JSON.readTree(registered.body()).path("userId").asString();
        final String bob = ApiNetwork.user(a, "idem-bob-" + RUN);
        ApiNetwork.issue(a, alice, 100);
        final String userToken = userToken(a, platformUser, password);

        final String key = "order-" + RUN;
        final String transfer = "{\"platformId\":\"" + A + "\",\"fromUserId\":\"" + alice + "\",\"toUserId\":\"" + bob
            + "\",\"amount\":%d}";
        final HttpResponse<String> byUser = a.send("POST", "/api/v1/transfers", key, transfer.formatted(10), userToken);
        assertEquals(200, byUser.statusCode(), byUser.body());
        final HttpResponse<String> byBackEnd = a.send("POST", "/api/v1/transfers", key, transfer.formatted(7),
            a.token());
        assertEquals(200, byBackEnd.statusCode(), byBackEnd.body());
        assertNotEquals(JSON.readTree(byUser.body()).path("txId").asString(),
            JSON.readTree(byBackEnd.body()).path("txId").asString(), "the back end got the user's receipt");
        assertEquals(key, JSON.readTree(byBackEnd.body()).path("requestId").asString());

        // Each caller's repeat replays its own receipt.
        final HttpResponse<String> userAgain = a.send("POST", "/api/v1/transfers", key, transfer.formatted(10),
            userToken);
        assertEquals(200, userAgain.statusCode(), userAgain.body());
        assertEquals(JSON.readTree(byUser.body()).path("txId").asString(),
            JSON.readTree(userAgain.body()).path("txId").asString());
        assertEquals(83, ApiNetwork.balanceEventually(a, alice, A, 83), "both transfers, once each");
        assertEquals(17, ApiNetwork.balanceEventually(a, bob, A, 17));
    }

    /** An access token of the platform's app for its user (authorization code + PKCE, as SecurityEndToEndIT). */
    private static String userToken(final ApiClient a, final String platformUser, final String password)
        throws Exception {
        final String app = A + "-app";
        final String redirect = "https://127.0.0.1/callback";
        final Pkce pkce = Pkce.create();
        final OAuthClient.Authorization granted = new OAuthClient(a.gateway().url().toString().replaceAll("/$", ""),
            GatewayTrust.gateways()).authorize(app, redirect, "points.read points.transfer", pkce, platformUser, password);
        final HttpResponse<String> exchanged = a.oauth().exchange(app, redirect, granted.code(), pkce.verifier());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        return JSON.readTree(exchanged.body()).path("access_token").asString();
    }
}
