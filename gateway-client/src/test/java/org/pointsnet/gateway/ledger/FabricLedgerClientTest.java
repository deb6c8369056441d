package org.pointsnet.gateway.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.fabric.LedgerUnavailableException;

class FabricLedgerClientTest {

    /** Scripted attempts: each entry is a conflict, a rejection, or (null) success. */
    private static final class Scripted implements ContractCalls {
        final List<RuntimeException> script;
        final List<String> requests = new ArrayList<>();
        String result = "{\"requestId\":\"r1\"}";

        Scripted(final List<RuntimeException> script) {
            this.script = new ArrayList<>(script);
        }

        @Override
        public Submitted submitOnce(final LedgerFunction function, final String requestJson) {
            requests.add(function + " " + requestJson);
            final RuntimeException next = script.isEmpty() ? null : script.remove(0);
            if (next != null) {
                throw next;
            }
            return new Submitted("tx-" + requests.size(), 7, result);
        }

        @Override
        public String evaluate(final LedgerFunction function, final String requestJson) {
            requests.add(function + " " + requestJson);
            return "{}";
        }

        @Override
        public long blockNumberOf(final String txId) {
            requests.add("blockNumberOf " + txId);
            return 3;
        }
    }

    /** A request of {@code function}'s shape; what it holds does not matter to the retries. */
    private static LedgerRequest request(final LedgerFunction function) {
        return switch (function) {
            case ISSUE, BURN -> new LedgerRequest.IssueOrBurn("r1", "platform-a", "u1", 5, null);
            case CONVERT -> new LedgerRequest.Convert("r1", "u1", "platform-a", "platform-b", 5, null, null);
            case SET_FEE_RULE -> new LedgerRequest.SetFeeRule("r1", "platform-a", 1, 0, 1);
            case PUT_REWARD -> new LedgerRequest.PutReward("r1", "platform-a", "mug", "Mug", 5, 1, null, null, null);
            default -> throw new IllegalArgumentException(function.toString());
        };
    }

    private static final String ISSUE_R1 =
        "{\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"userId\":\"u1\",\"amount\":5}";

    private static ContractCalls.RetryableConflict conflict() {
        return new ContractCalls.RetryableConflict("MVCC_READ_CONFLICT", "tx", null);
    }

    @Test
    void registeringAUserSubmitsUserRegisterAsTheClientAndRetriesConflictsWithoutAReceipt() {
        final Scripted calls = new Scripted(List.of(conflict()));
        calls.result = "{\"userId\":\"platform-a.k1\",\"platformId\":\"platform-a\"}";
        final Scripted admin = new Scripted(List.of());
        new FabricLedgerClient(calls, admin).registerUser("platform-a.k1");
        assertEquals(List.of("user:Register {\"userId\":\"platform-a.k1\"}",
            "user:Register {\"userId\":\"platform-a.k1\"}"), calls.requests);
        assertTrue(admin.requests.isEmpty(), "the operator identity signed a user registration");
    }

    @Test
    void conflictsAreEndorsedAgainWithTheSameRequestUntilOneCommits() {
        final Scripted calls = new Scripted(List.of(conflict(), conflict(), conflict()));
        final LedgerClient client = new FabricLedgerClient(calls, null);

        final LedgerClient.Committed committed = client.submit(LedgerFunction.ISSUE, request(LedgerFunction.ISSUE));

        assertEquals("tx-4", committed.txId());
        assertEquals(4, calls.requests.size());
        assertTrue(calls.requests.stream().allMatch(("account:Issue " + ISSUE_R1)::equals), calls.requests.toString());
    }

    @Test
    void aRepeatedRequestAnswersTheFirstTransactionAndItsBlock() {
        final Scripted calls = new Scripted(List.of());
        calls.result = "{\"txId\":\"tx-first\",\"requestId\":\"r1\"}";
        final LedgerClient.Committed committed = new FabricLedgerClient(calls, null).submit(LedgerFunction.ISSUE,
            request(LedgerFunction.ISSUE));
        assertEquals("tx-first", committed.txId());
        assertEquals(3, committed.blockNumber());
        assertEquals(List.of("account:Issue " + ISSUE_R1, "blockNumberOf tx-first"), calls.requests);
    }

    @Test
    void theFirstExecutionKeepsItsOwnBlockWithoutALookup() {
        final Scripted calls = new Scripted(List.of());
        calls.result = "{\"txId\":\"tx-1\",\"requestId\":\"r1\"}";
        final LedgerClient.Committed committed = new FabricLedgerClient(calls, null).submit(LedgerFunction.ISSUE,
            request(LedgerFunction.ISSUE));
        assertEquals(7, committed.blockNumber());
        assertEquals(1, calls.requests.size());
    }

    @Test
    void fiveRetriesThenUnavailableWithNothingChanged() {
        final List<RuntimeException> always = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            always.add(conflict());
        }
        final Scripted calls = new Scripted(always);
        final LedgerClient client = new FabricLedgerClient(calls, null);

        final LedgerUnavailableException e = assertThrows(LedgerUnavailableException.class,
            () -> client.submit(LedgerFunction.CONVERT, request(LedgerFunction.CONVERT)));

        assertEquals(1 + FabricLedgerClient.MAX_RETRIES, calls.requests.size());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void sixthAttemptStillSucceeds() {
        final Scripted calls = new Scripted(List.of(conflict(), conflict(), conflict(), conflict(), conflict()));
        assertEquals("tx-6", new FabricLedgerClient(calls, null).submit(LedgerFunction.ISSUE,
            request(LedgerFunction.ISSUE)).txId());
    }

    @Test
    void chaincodeRejectionsAreNotRetried() {
        final Scripted calls = new Scripted(List.of(new ChaincodeRejectedException("INSUFFICIENT_BALANCE", "no", "tx",
            null)));
        final LedgerClient client = new FabricLedgerClient(calls, null);

        assertThrows(ChaincodeRejectedException.class,
            () -> client.submit(LedgerFunction.BURN, request(LedgerFunction.BURN)));
        assertEquals(1, calls.requests.size());
    }

    @Test
    void adminCallsUseTheAdminConnectionAndFailClearlyWithoutOne() {
        final Scripted client = new Scripted(List.of());
        final Scripted admin = new Scripted(List.of(conflict()));
        new FabricLedgerClient(client, admin).submitAsAdmin(LedgerFunction.SET_FEE_RULE,
            request(LedgerFunction.SET_FEE_RULE));
        assertEquals(0, client.requests.size());
        assertEquals(2, admin.requests.size());

        final FabricLedgerClient noAdmin = new FabricLedgerClient(client, null);
        assertFalse(noAdmin.adminAvailable());
        assertThrows(AdminIdentityMissingException.class,
            () -> noAdmin.submitAsAdmin(LedgerFunction.PUT_REWARD, request(LedgerFunction.PUT_REWARD)));
        assertEquals(0, client.requests.size());
    }

    @Test
    void theReceiptIsReadFromTheResultAndAnythingElseIsALedgerFailure() {
        final Scripted calls = new Scripted(List.of());
        calls.result = "{\"type\":\"ISSUE\",\"requestId\":\"r1\",\"txId\":\"tx-1\",\"postings\":"
            + "[{\"platformId\":\"platform-a\",\"userId\":\"u1\",\"delta\":5}]}";
        final LedgerClient client = new FabricLedgerClient(calls, null);
        final LedgerClient.Committed committed = client.submit(LedgerFunction.ISSUE, request(LedgerFunction.ISSUE));
        assertEquals("ISSUE", committed.receipt().type());
        assertEquals(5, committed.receipt().postings().get(0).delta());

        calls.result = "not a receipt";
        assertThrows(LedgerFailureException.class, () -> client.submit(LedgerFunction.ISSUE,
            request(LedgerFunction.ISSUE)));
    }

    @Test
    void aFunctionOfTheWrongKindOrARequestOfAnotherShapeIsRefusedBeforeTheLedger() {
        final Scripted calls = new Scripted(List.of());
        final LedgerClient client = new FabricLedgerClient(calls, null);
        assertThrows(IllegalArgumentException.class,
            () -> client.submit(LedgerFunction.QUOTE, new LedgerRequest.Quote("platform-a", "platform-b", 1)));
        assertThrows(IllegalArgumentException.class,
            () -> client.evaluate(LedgerFunction.ISSUE, request(LedgerFunction.ISSUE)));
        assertThrows(IllegalArgumentException.class,
            () -> client.submit(LedgerFunction.TRANSFER, request(LedgerFunction.ISSUE)));
        assertEquals(List.of(), calls.requests);
    }

    @Test
    void endorsementMismatchIsRecognisedInDetailsOrDescription() {
        assertTrue(FabricContractCalls.isEndorsementMismatch(endorseError("failed to collect enough transaction"
            + " endorsements", "ProposalResponsePayloads do not match (base64): 'abc' vs 'abd'")));
        assertTrue(FabricContractCalls.isEndorsementMismatch(endorseError(
            "ProposalResponsePayloads do not match")));
        assertFalse(FabricContractCalls.isEndorsementMismatch(endorseError("failed to endorse",
            "chaincode response 500, INSUFFICIENT_BALANCE: user 'u' has 1")));
    }

    private static EndorseException endorseError(final String description, final String... details) {
        final Status.Builder status = Status.newBuilder().setCode(io.grpc.Status.Code.ABORTED.value())
            .setMessage(description);
        for (final String message : details) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setMessage(message).setMspId("PlatformAMSP").build()));
        }
        return new EndorseException("tx", StatusProto.toStatusRuntimeException(status.build()));
    }
}
