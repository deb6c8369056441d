package org.pointsnet.gateway.fabric;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A stand-in for a peer's Gateway service running the probe contract, answering the way Fabric does (error
 * shapes taken from fabric-gateway's scenario tests), so the real fabric-gateway client can be exercised without a
 * network. Not a ledger: one block per committed transaction, no signature checks.
 */
final class FakeGatewayService extends GatewayGrpc.GatewayImplBase {

    private static final String KEY_RULE = "[A-Za-z0-9._-]{1,64}";

    private record Pending(String channel, String key, String value) {
    }

    final Map<String, String> state = new ConcurrentHashMap<>();
    volatile TxValidationCode nextValidationCode = TxValidationCode.VALID;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong blocks = new AtomicLong(4);

    private record Invocation(String txId, String channel, List<String> args) {
    }

    private static Invocation invocation(final SignedProposal signed) throws InvalidProtocolBufferException {
        final Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
        final ChannelHeader channelHeader = ChannelHeader.parseFrom(
            Header.parseFrom(proposal.getHeader()).getChannelHeader());
        final ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(
            ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
        final List<String> args = new ArrayList<>();
        spec.getChaincodeSpec().getInput().getArgsList().forEach(a -> args.add(a.toStringUtf8()));
        return new Invocation(channelHeader.getTxId(), channelHeader.getChannelId(), args);
    }

    private static StatusRuntimeException endorsementFailure(final String chaincodeMessage) {
        final com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
            .setCode(io.grpc.Status.Code.ABORTED.value())
            .setMessage("failed to endorse transaction, see attached details for more info")
            .addDetails(Any.pack(ErrorDetail.newBuilder()
                .setAddress("peer0.platform-a.pointsnet.local:7051")
                .setMspId("PlatformAMSP")
                .setMessage("chaincode response 500, " + chaincodeMessage)
                .build()))
            .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    @Override
    public void evaluate(final EvaluateRequest request, final StreamObserver<EvaluateResponse> response) {
        try {
            final Invocation call = invocation(request.getProposedTransaction());
            final String key = call.args().get(1);
            final String value = state.get(key);
            if (!"probe:GetValue".equals(call.args().get(0)) || value == null) {
                response.onError(io.grpc.Status.UNKNOWN.withDescription(
                    "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: key '" + key
                        + "' has no value").asRuntimeException());
                return;
            }
            final String json = "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}";
            response.onNext(EvaluateResponse.newBuilder()
                .setResult(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFromUtf8(json)))
                .build());
            response.onCompleted();
        } catch (InvalidProtocolBufferException e) {
            response.onError(io.grpc.Status.INVALID_ARGUMENT.asRuntimeException());
        }
    }

    @Override
    public void endorse(final EndorseRequest request, final StreamObserver<EndorseResponse> response) {
        try {
            final Invocation call = invocation(request.getProposedTransaction());
            final String key = call.args().get(1);
            final String value = call.args().get(2);
            if (!key.matches(KEY_RULE)) {
                response.onError(endorsementFailure(
                    "VALIDATION_FAILED: key '" + key + "' must be 1..64 characters of [A-Za-z0-9._-]"));
                return;
            }
            final String json = "{\"key\":\"" + key + "\",\"value\":\"" + value + "\",\"txId\":\"" + call.txId()
                + "\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
            final byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            pending.put(call.txId(), new Pending(call.channel(), key, value));
            response.onNext(EndorseResponse.newBuilder().setPreparedTransaction(envelope(call, payload)).build());
            response.onCompleted();
        } catch (InvalidProtocolBufferException e) {
            response.onError(io.grpc.Status.INVALID_ARGUMENT.asRuntimeException());
        }
    }

    // The nesting fabric-gateway's TransactionEnvelopeParser reads the result and channel name from.
    private static Envelope envelope(final Invocation call, final byte[] result) {
        final ChaincodeAction action = ChaincodeAction.newBuilder()
            .setResponse(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(result)))
            .build();
        final ProposalResponsePayload responsePayload = ProposalResponsePayload.newBuilder()
            .setExtension(action.toByteString())
            .build();
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
            .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload.toByteString()))
            .build();
        final Transaction transaction = Transaction.newBuilder()
            .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString()))
            .build();
        final Header header = Header.newBuilder()
            .setChannelHeader(ChannelHeader.newBuilder().setChannelId(call.channel()).setTxId(call.txId())
                .build().toByteString())
            .build();
        final Payload payload = Payload.newBuilder().setHeader(header).setData(transaction.toByteString()).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    @Override
    public void submit(final SubmitRequest request, final StreamObserver<SubmitResponse> response) {
        response.onNext(SubmitResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void commitStatus(final SignedCommitStatusRequest request,
                             final StreamObserver<CommitStatusResponse> response) {
        try {
            final String txId = CommitStatusRequest.parseFrom(request.getRequest()).getTransactionId();
            final Pending tx = pending.remove(txId);
            final long block = blocks.incrementAndGet();
            final TxValidationCode code = nextValidationCode;
            if (tx != null && code == TxValidationCode.VALID) {
                state.put(tx.key(), tx.value());
            }
            response.onNext(CommitStatusResponse.newBuilder().setResult(code).setBlockNumber(block).build());
            response.onCompleted();
        } catch (InvalidProtocolBufferException e) {
            response.onError(io.grpc.Status.INVALID_ARGUMENT.asRuntimeException());
        }
    }
}
