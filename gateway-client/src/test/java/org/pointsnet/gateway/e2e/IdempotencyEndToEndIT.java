package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The same Idempotency-Key sent 10 times at once: one committed effect, ten identical receipts. */
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
}
