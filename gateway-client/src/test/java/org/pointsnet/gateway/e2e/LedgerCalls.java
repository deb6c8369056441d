package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Chaincode calls through fabric-gateway for the end-to-end tests and the benchmark: submit, evaluate, retry. */
final class LedgerCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerCalls() {
    }

    record Attempts(Outcome outcome, int attempts) {
    }

    /**
     * Re-endorses after a conflict, as a gateway would; the same request id keeps it exactly-once. Endorsed by
     * {@code endorsingMspIds}' peers, or as the gateway plans when none are named.
     */
    static Attempts submitUntilNoConflict(final FabricConnection connection, final String function,
                                          final String request, final String... endorsingMspIds) {
        for (int attempt = 1; attempt <= 10; attempt++) {
            final Outcome outcome = submit(connection, function, request, endorsingMspIds);
            if (!outcome.conflicted()) {
                return new Attempts(outcome, attempt);
            }
        }
        return fail("still conflicting after 10 attempts: " + function + " " + request);
    }

    interface Work {
        void run(String user) throws Exception;
    }

    static void runConcurrently(final List<String> users, final Work work) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (final String user : users) {
                futures.add(pool.submit(() -> {
                    work.run(user);
                    return null;
                }));
            }
            for (final Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a submit ended as: a validation code (null when endorsement refused it), the result, or the refusal. */
    record Outcome(TxValidationCode code, byte[] result, String endorsementError) {

        void requireValid(final String what) {
            if (code != TxValidationCode.VALID) {
                fail(what + " did not commit: " + this);
            }
        }

        /**
         * A conflict on a key another transaction changed: at validation (MVCC, phantom), or at endorsement when the
         * two platforms' peers simulated at different block heights and read different versions of the key.
         */
        boolean conflicted() {
            return code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT
                || code == null && endorsementError.contains("ProposalResponsePayloads do not match");
        }

        JsonNode json() {
            return JSON.readTree(new String(result, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Outcome[code=" + code + ", result=" + (result == null ? "" : new String(result, StandardCharsets.UTF_8))
                + ", endorsementError=" + endorsementError + "]";
        }
    }

    static Outcome submit(final FabricConnection connection, final String function, final String request,
                                  final String... endorsingMspIds) {
        return submit(connection, function, new String[] {request}, endorsingMspIds);
    }

    /** Submits a function that takes several string arguments (the probe), endorsed as the gateway plans. */
    static Outcome submitArgs(final FabricConnection connection, final String function, final String... args) {
        return submit(connection, function, args, new String[0]);
    }

    private static Outcome submit(final FabricConnection connection, final String function, final String[] args,
                                  final String[] endorsingMspIds) {
        final Contract contract = connection.contract();
        final Proposal.Builder builder = contract.newProposal(function).addArguments(args);
        if (endorsingMspIds.length > 0) {
            builder.setEndorsingOrganizations(endorsingMspIds);
        }
        try {
            final Transaction transaction = builder.build().endorse();
            final SubmittedTransaction submitted = transaction.submitAsync();
            final Status status = submitted.getStatus();
            return new Outcome(status.getCode(), submitted.getResult(), "");
        } catch (EndorseException e) {
            return new Outcome(null, null, e.getMessage() + " " + e.getDetails());
        } catch (GatewayException e) {
            return fail(function + " failed outside endorsement: " + e + " " + e.getDetails(), e);
        }
    }

    /** What an evaluation answered: the result, or the error (message and per-peer details) when it failed. */
    record Evaluation(byte[] result, String error) {

        boolean failed() {
            return error != null;
        }

        String text() {
            return result == null ? "" : new String(result, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return failed() ? "Evaluation[error=" + error + "]" : "Evaluation[result=" + text() + "]";
        }
    }

    /** Evaluates on a peer of one of {@code mspIds} (the connection's own peer when none), keeping a failure. */
    static Evaluation tryEvaluate(final FabricConnection connection, final String function, final String request,
                                  final String... mspIds) {
        final Proposal.Builder builder = connection.contract().newProposal(function).addArguments(request);
        if (mspIds.length > 0) {
            builder.setEndorsingOrganizations(mspIds);
        }
        try {
            return new Evaluation(builder.build().evaluate(), null);
        } catch (GatewayException e) {
            return new Evaluation(null, e.getMessage() + " " + e.getDetails());
        }
    }

    static JsonNode evaluate(final FabricConnection connection, final String function, final String request) {
        try {
            return JSON.readTree(new String(connection.contract().evaluateTransaction(function, request),
                StandardCharsets.UTF_8));
        } catch (GatewayException e) {
            return fail(function + " evaluate failed: " + e + " " + e.getDetails(), e);
        }
    }

    /** One platform's balance of {@code userId} ({@code account:GetBalances} on {@code reader}'s peer); 0 if none. */
    static long balance(final FabricConnection reader, final String userId, final String platform) {
        for (final JsonNode line : evaluate(reader, "account:GetBalances", json("userId", userId)).path("balances")) {
            if (platform.equals(line.path("platformId").asString())) {
                return line.path("balance").asLong();
            }
        }
        return 0;
    }

    /**
     * Registers {@code userId} ({@code <platformId>.<key>}) with {@code user:Register} as its platform's client, as
     * that platform's gateway does on {@code POST /users}: only registered ids can receive points. Idempotent.
     */
    static String registerUser(final FabricConnection ownerClient, final String userId) {
        submitUntilNoConflict(ownerClient, "user:Register", json("userId", userId)).outcome()
            .requireValid("registering " + userId);
        return userId;
    }

    /** The platform a user id names: its prefix up to the dot. */
    static String owner(final String userId) {
        return userId.substring(0, userId.indexOf('.'));
    }

    static String json(final Object... keysAndValues) {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    /**
     * Registers a demo platform with its entry of network/demo-platforms.json and the request id {@code test-network.sh
     * up} uses, so on a network where it is registered already Register replays its first receipt. Every end-to-end
     * test and the benchmark use this same request.
     */
    static void registerPlatform(final FabricConnection admin, final String platform) {
        submit(admin, "platform:Register", registrationRequest(platform, "e2e-register-" + platform))
            .requireValid("registering " + platform);
    }

    /** A platform:Register request for {@code platform} with its network/demo-platforms.json entry. */
    static String registrationRequest(final String platform, final String requestId) {
        final JsonNode entry = demoPlatforms().path(platform);
        if (!entry.isObject()) {
            fail("network/demo-platforms.json has no entry for " + platform);
        }
        final ObjectNode request = JSON.createObjectNode().put("requestId", requestId).put("platformId", platform);
        request.setAll((ObjectNode) entry);
        return JSON.writeValueAsString(request);
    }

    private static JsonNode demoPlatforms() {
        final Path root = Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize();
        try {
            return JSON.readTree(Files.readString(root.resolve("network/demo-platforms.json")));
        } catch (IOException e) {
            return fail("cannot read network/demo-platforms.json under " + root + ": " + e.getMessage());
        }
    }
}
